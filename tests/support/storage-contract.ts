// The behavioural contract of the Storage interface (lib/server/storage/storage.ts), run against
// every driver (tests/integration/storage-contract.test.ts). A driver passes when callers cannot
// tell which one they use: same results, same StorageError codes, same atomicity.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { buffer, text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { clipKey, clipPrefix } from "@/lib/server/storage/keys";
import type { Storage } from "@/lib/server/storage/storage";
import { isStorageError } from "@/lib/server/storage/storage-error";

export interface ContractSubject {
  storage: Storage;
  /** Number of in-progress write artefacts (local temp files); undefined when not observable. */
  leftovers?: () => Promise<number>;
  /**
   * Why concurrent writers of one key cannot be checked on this backend, if they cannot. s3rver
   * writes objects in place (no temp + rename), so same-key writers interleave; S3 and MinIO
   * guarantee last-writer-wins for whole objects.
   */
  skipConcurrentSameKey?: string;
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const id = () => `c${randomUUID().replace(/-/g, "").slice(0, 16)}`;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Yields `chunks`, then errors (mode "error") or is destroyed without an error (mode "destroy"). */
function failingStream(chunks: Buffer[], mode: "error" | "destroy"): Readable {
  const s = new PassThrough();
  void (async () => {
    for (const c of chunks) {
      s.write(c);
      await tick(5);
    }
    if (mode === "error") s.destroy(new Error("upstream reset"));
    else s.destroy();
  })();
  return s;
}

export function storageContract(name: string, subject: () => ContractSubject): void {
  const s = () => subject().storage;
  const noLeftovers = async () => {
    const f = subject().leftovers;
    if (f) expect(await f()).toBe(0);
  };

  describe(`storage contract: ${name}`, () => {
    it("stores buffers and streams with size and sha256; stat and ranged reads agree", async () => {
      const g = id();
      const data = randomBytes(300_000);
      const key = clipKey(g, "video.mp4");
      expect(await s().put(key, data, { contentType: "video/mp4" })).toEqual({ bytes: data.length, sha256: sha(data) });
      const streamed = await s().put(clipKey(g, "cover.jpg"), Readable.from([data.subarray(0, 1000), data.subarray(1000)]), {
        contentType: "image/jpeg",
      });
      expect(streamed).toEqual({ bytes: data.length, sha256: sha(data) });
      const st = await s().stat(key);
      expect(st?.size).toBe(data.length);
      expect(st?.etag).toMatch(/^"[^"]+"$/);
      expect(Math.abs((st?.mtimeMs ?? 0) - Date.now())).toBeLessThan(120_000);
      expect(await buffer(await s().read(key))).toEqual(data);
      for (const [start, end] of [[0, 0], [10, 19], [299_990, 299_999], [123_456, 250_000]] as const) {
        expect(await buffer(await s().read(key, { start, end }))).toEqual(data.subarray(start, end + 1));
      }
      expect(await buffer(await s().read(key, { start: 299_000 }))).toEqual(data.subarray(299_000));
      expect((await buffer(await s().read(key, { start: 400_000 }))).length).toBe(0);
      await expect(s().read(key, { start: 5, end: 4 })).rejects.toThrow(RangeError);
      await noLeftovers();
    });

    it("stores an empty object", async () => {
      const key = clipKey(id(), "poster.jpg");
      expect((await s().put(key, Buffer.alloc(0), { contentType: "image/jpeg" })).bytes).toBe(0);
      expect((await s().stat(key))?.size).toBe(0);
      expect((await buffer(await s().read(key))).length).toBe(0);
    });

    it("overwrite replaces the object and changes its ETag", async () => {
      const key = clipKey(id(), "video.mp4");
      const a = randomBytes(20_000);
      const b = randomBytes(30_000);
      await s().put(key, a, { contentType: "video/mp4" });
      const before = await s().stat(key);
      await s().put(key, b, { contentType: "video/mp4" });
      const after = await s().stat(key);
      expect(after?.size).toBe(b.length);
      expect(after?.etag).not.toBe(before?.etag);
      expect(await buffer(await s().read(key))).toEqual(b);
    });

    it("a failing source rethrows its own error and leaves nothing; a failed overwrite keeps the old object", async () => {
      const key = clipKey(id(), "video.mp4");
      const err = await s()
        .put(key, failingStream([randomBytes(50_000), randomBytes(50_000)], "error"), { contentType: "video/mp4" })
        .catch((e: unknown) => e);
      expect((err as Error).message).toBe("upstream reset");
      expect(await s().stat(key)).toBeNull();
      const good = randomBytes(30_000);
      await s().put(key, good, { contentType: "video/mp4" });
      await expect(s().put(key, failingStream([randomBytes(40_000)], "error"), { contentType: "video/mp4" })).rejects.toThrow(
        "upstream reset",
      );
      expect(await buffer(await s().read(key))).toEqual(good);
      await noLeftovers();
    });

    it("a source that fails before the driver reads it rejects with its error, not an uncaught exception", async () => {
      const key = clipKey(id(), "video.mp4");
      const early = new PassThrough();
      early.write(randomBytes(1000));
      const put = s().put(key, early, { contentType: "video/mp4" });
      // Fails at once, while the driver is still preparing (temp file, upload session).
      early.destroy(new Error("reset before reading"));
      await expect(put).rejects.toThrow("reset before reading");
      expect(await s().stat(key)).toBeNull();
      await noLeftovers();
    });

    it("a source destroyed without an error rejects and leaves nothing", async () => {
      const key = clipKey(id(), "video.mp4");
      await expect(s().put(key, failingStream([randomBytes(10_000)], "destroy"), { contentType: "video/mp4" })).rejects.toThrow();
      expect(await s().stat(key)).toBeNull();
      await noLeftovers();
    });

    it("maxBytes aborts mid-stream with too_large, destroys the source and stores nothing", async () => {
      const key = clipKey(id(), "video.mp4");
      const src = Readable.from([randomBytes(600), randomBytes(600)]);
      const err = await s().put(key, src, { contentType: "video/mp4", maxBytes: 1000 }).catch((e: unknown) => e);
      expect(isStorageError(err, "too_large")).toBe(true);
      expect(src.destroyed).toBe(true);
      expect(await s().stat(key)).toBeNull();
      expect(isStorageError(await s().put(key, randomBytes(1001), { contentType: "x", maxBytes: 1000 }).catch((e: unknown) => e), "too_large")).toBe(true);
      expect(await s().stat(key)).toBeNull();
      expect((await s().put(key, randomBytes(1000), { contentType: "x", maxBytes: 1000 })).bytes).toBe(1000);
      await noLeftovers();
    });

    it("nothing is visible under the key until the write completes", async () => {
      const key = clipKey(id(), "video.mp4");
      const src = new PassThrough();
      const done = s().put(key, src, { contentType: "video/mp4" });
      for (let i = 0; i < 5; i++) {
        src.write(randomBytes(10_000));
        await tick(10);
        expect(await s().stat(key)).toBeNull();
      }
      src.end();
      expect((await done).bytes).toBe(50_000);
      expect((await s().stat(key))?.size).toBe(50_000);
    });

    it("concurrent puts of one key end with exactly one intact object", async (ctx) => {
      const reason = subject().skipConcurrentSameKey;
      if (reason) ctx.skip(reason);
      const g = id();
      const key = clipKey(g, "video.mp4");
      const bodies = Array.from({ length: 8 }, () => randomBytes(64_000 + Math.floor(Math.random() * 64_000)));
      const results = await Promise.all(
        bodies.map((b, i) =>
          s().put(key, Readable.from([b.subarray(0, 1000 * i), b.subarray(1000 * i)]), { contentType: "video/mp4" }),
        ),
      );
      results.forEach((r, i) => expect(r.sha256).toBe(sha(bodies[i] as Buffer)));
      const final = await buffer(await s().read(key));
      expect(bodies.map(sha)).toContain(sha(final));
      expect((await s().stat(key))?.size).toBe(final.length);
      expect(await s().deletePrefix(clipPrefix(g))).toBe(1);
      await noLeftovers();
    });

    it("delete is idempotent; deletePrefix removes exactly one clip's objects", async () => {
      const [g1, g2] = [id(), id()];
      for (const f of ["video.mp4", "cover.jpg", "poster.jpg", "preview.mp4"] as const) {
        await s().put(clipKey(g1, f), Buffer.from(f), { contentType: "application/octet-stream" });
      }
      await s().put(clipKey(g2, "video.mp4"), Buffer.from("keep"), { contentType: "video/mp4" });
      await s().delete(clipKey(g1, "cover.jpg"));
      await s().delete(clipKey(g1, "cover.jpg"));
      expect(await s().stat(clipKey(g1, "cover.jpg"))).toBeNull();
      expect(await s().deletePrefix(clipPrefix(g1))).toBe(3);
      expect(await s().deletePrefix(clipPrefix(g1))).toBe(0);
      expect(await s().stat(clipKey(g1, "video.mp4"))).toBeNull();
      expect(await text(await s().read(clipKey(g2, "video.mp4")))).toBe("keep");
    });

    it("missing objects and hostile keys give typed results", async () => {
      expect(await s().stat(`clips/${id()}/video.mp4`)).toBeNull();
      expect(await s().stat("clips")).toBeNull();
      expect(isStorageError(await s().read(`clips/${id()}/video.mp4`).catch((e: unknown) => e), "not_found")).toBe(true);
      for (const bad of ["../escape.txt", "/etc/passwd", "a/../../x", "tmp/x", "a\\..\\b", "", "a//b", ".hidden"]) {
        const put = await s().put(bad, Buffer.from("x"), { contentType: "text/plain" }).catch((e: unknown) => e);
        expect(isStorageError(put, "invalid_key"), bad).toBe(true);
        expect(isStorageError(await s().read(bad).catch((e: unknown) => e), "invalid_key")).toBe(true);
        expect(isStorageError(await s().stat(bad).catch((e: unknown) => e), "invalid_key")).toBe(true);
        expect(isStorageError(await s().delete(bad).catch((e: unknown) => e), "invalid_key")).toBe(true);
      }
      for (const bad of ["clips", "../", "/", ""]) {
        expect(isStorageError(await s().deletePrefix(bad).catch((e: unknown) => e), "invalid_key"), bad).toBe(true);
      }
    });

    // Only drivers that read from a file have openRead (local disk); the others serve ranges by read().
    it("openRead, where the driver has it, gives the object's stat, reads the bytes at any position and refuses missing objects and hostile keys", async () => {
      const openRead = s().openRead?.bind(s());
      // The media fast path relies on local disk having it.
      expect(Boolean(openRead), s().driver).toBe(s().driver === "local");
      if (!openRead) return;
      const key = clipKey(id(), "video.mp4");
      const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 13) % 256));
      await s().put(key, bytes, { contentType: "video/mp4" });
      const handle = await openRead(key);
      try {
        // The media fast path answers from this stat: the same size and ETag the route's stat() gives.
        expect(handle.stat).toEqual(await s().stat(key));
        expect(handle.stat.size).toBe(bytes.length);
        const into = Buffer.alloc(70_000);
        for (const at of [0, 123_457, 299_990]) {
          const n = await handle.read(into, 70_000, at);
          expect(n, `at ${at}`).toBe(Math.min(70_000, bytes.length - at));
          expect(into.subarray(0, n).equals(bytes.subarray(at, at + n)), `at ${at}`).toBe(true);
        }
        expect(await handle.read(into, 10, bytes.length)).toBe(0);
      } finally {
        handle.close();
        handle.close(); // twice is harmless
      }
      // The driver may share a descriptor between reads for a moment (local disk: open-file-cache.ts),
      // but never across this store's own replace or delete: the next read sees the new object, or none.
      const again = await openRead(key);
      again.close();
      const replaced = Buffer.from("replaced");
      await s().put(key, replaced, { contentType: "video/mp4" });
      const fresh = await openRead(key);
      try {
        expect(fresh.stat).toEqual(await s().stat(key));
        expect(fresh.stat.etag).not.toBe(handle.stat.etag);
        const into = Buffer.alloc(64);
        expect(into.subarray(0, await fresh.read(into, 64, 0)).equals(replaced)).toBe(true);
      } finally {
        fresh.close();
      }
      await s().delete(key);
      expect(isStorageError(await openRead(key).catch((e: unknown) => e), "not_found")).toBe(true);
      const inFolder = clipKey(id(), "poster.jpg");
      await s().put(inFolder, bytes, { contentType: "image/jpeg" });
      (await openRead(inFolder)).close();
      await s().deletePrefix(inFolder.slice(0, inFolder.lastIndexOf("/") + 1));
      expect(isStorageError(await openRead(inFolder).catch((e: unknown) => e), "not_found")).toBe(true);
      expect(isStorageError(await openRead(`clips/${id()}/video.mp4`).catch((e: unknown) => e), "not_found")).toBe(true);
      expect(isStorageError(await openRead("clips").catch((e: unknown) => e), "not_found")).toBe(true);
      expect(isStorageError(await openRead("../escape.txt").catch((e: unknown) => e), "invalid_key")).toBe(true);
    });

    it("sweepTemp with nothing stale removes nothing", async () => {
      expect(await s().sweepTemp(3600_000)).toBe(0);
    });
  });
}
