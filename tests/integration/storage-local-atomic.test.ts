import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clipKey, clipPrefix } from "@/lib/server/storage/keys";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import type { Storage } from "@/lib/server/storage/storage";
import { isStorageError } from "@/lib/server/storage/storage-error";

let base: string;
let root: string;
let storage: Storage;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const tmpEntries = async () => (existsSync(path.join(root, "tmp")) ? readdir(path.join(root, "tmp")) : []);

beforeEach(async () => {
  base ??= await mkdtemp(path.join(os.tmpdir(), "fh-storage-"));
  root = await mkdtemp(path.join(base, "root-"));
  storage = createLocalStorage(root);
});
afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

/** A stream that yields `chunks` then fails (or just stops, if `fail` is false, via destroy()). */
function failingStream(chunks: Buffer[], mode: "error" | "destroy"): Readable {
  const s = new PassThrough();
  (async () => {
    for (const c of chunks) {
      s.write(c);
      await new Promise((r) => setTimeout(r, 5));
    }
    if (mode === "error") s.destroy(new Error("upstream reset"));
    else s.destroy();
  })();
  return s;
}

describe("local storage", () => {
  it("stores a buffer and a stream with size and sha256, and reads ranges back", async () => {
    const data = randomBytes(200_000);
    const key = clipKey("g1", "video.mp4");
    expect(await storage.put(key, data, { contentType: "video/mp4" })).toEqual({ bytes: data.length, sha256: sha(data) });
    const key2 = clipKey("g1", "cover.jpg");
    const r = await storage.put(key2, Readable.from([data.subarray(0, 1000), data.subarray(1000)]), {
      contentType: "image/jpeg",
    });
    expect(r).toEqual({ bytes: data.length, sha256: sha(data) });
    expect(await readFile(path.join(root, "clips/g1/video.mp4"))).toEqual(data);
    const st = await storage.stat(key);
    expect(st?.size).toBe(data.length);
    expect(st?.etag).toMatch(/^"[0-9a-f-]+"$/);
    const chunks: Buffer[] = [];
    for await (const c of await storage.read(key, { start: 10, end: 19 })) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(data.subarray(10, 20));
    expect(await tmpEntries()).toEqual([]);
  });

  it("a failing source leaves no final object and no temp file, and rethrows the source error", async () => {
    const key = clipKey("g2", "video.mp4");
    const err = await storage
      .put(key, failingStream([randomBytes(50_000), randomBytes(50_000)], "error"), { contentType: "video/mp4" })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe("upstream reset");
    expect(await storage.stat(key)).toBeNull();
    expect(await tmpEntries()).toEqual([]);
  });

  it("an aborted source (destroyed without error) leaves nothing behind", async () => {
    const key = clipKey("g3", "video.mp4");
    await expect(
      storage.put(key, failingStream([randomBytes(10_000)], "destroy"), { contentType: "video/mp4" }),
    ).rejects.toThrow();
    expect(await storage.stat(key)).toBeNull();
    expect(await tmpEntries()).toEqual([]);
  });

  it("a failed overwrite keeps the previous complete object", async () => {
    const key = clipKey("g4", "video.mp4");
    const good = randomBytes(30_000);
    await storage.put(key, good, { contentType: "video/mp4" });
    await expect(
      storage.put(key, failingStream([randomBytes(40_000)], "error"), { contentType: "video/mp4" }),
    ).rejects.toThrow("upstream reset");
    expect(await readFile(path.join(root, "clips/g4/video.mp4"))).toEqual(good);
    expect(await tmpEntries()).toEqual([]);
  });

  it("maxBytes stops the write with too_large and stores nothing", async () => {
    const key = clipKey("g5", "video.mp4");
    const src = Readable.from([randomBytes(600), randomBytes(600)]);
    const err = await storage.put(key, src, { contentType: "video/mp4", maxBytes: 1000 }).catch((e: unknown) => e);
    expect(isStorageError(err, "too_large")).toBe(true);
    expect(src.destroyed).toBe(true);
    expect(await storage.stat(key)).toBeNull();
    expect(await tmpEntries()).toEqual([]);
    await expect(storage.put(key, randomBytes(1001), { contentType: "x", maxBytes: 1000 })).rejects.toThrow();
    expect((await storage.put(key, randomBytes(1000), { contentType: "x", maxBytes: 1000 })).bytes).toBe(1000);
  });

  it("nothing is visible under the final key until the write is complete", async () => {
    const key = clipKey("g6", "video.mp4");
    const src = new PassThrough();
    const done = storage.put(key, src, { contentType: "video/mp4" });
    for (let i = 0; i < 5; i++) {
      src.write(randomBytes(10_000));
      await new Promise((r) => setTimeout(r, 10));
      expect(await storage.stat(key)).toBeNull();
      expect(existsSync(path.join(root, "clips/g6/video.mp4"))).toBe(false);
      expect(await tmpEntries()).toHaveLength(1);
    }
    src.end();
    expect((await done).bytes).toBe(50_000);
    expect((await storage.stat(key))?.size).toBe(50_000);
  });

  it("concurrent puts of one key end with exactly one intact object (retry overwrites)", async () => {
    const key = clipKey("g7", "video.mp4");
    const bodies = Array.from({ length: 12 }, () => randomBytes(64_000 + Math.floor(Math.random() * 64_000)));
    const results = await Promise.all(
      bodies.map((b, i) =>
        storage.put(key, Readable.from([b.subarray(0, 1000 * i), b.subarray(1000 * i)]), { contentType: "video/mp4" }),
      ),
    );
    results.forEach((r, i) => expect(r.sha256).toBe(sha(bodies[i] as Buffer)));
    const final = await readFile(path.join(root, "clips/g7/video.mp4"));
    expect(bodies.map(sha)).toContain(sha(final));
    expect(await readdir(path.join(root, "clips/g7"))).toEqual(["video.mp4"]);
    expect(await tmpEntries()).toEqual([]);
  });

  it("sweepTemp removes stale temp files only", async () => {
    const tmp = path.join(root, "tmp");
    await mkdir(tmp, { recursive: true });
    await writeFile(path.join(tmp, "stale-1"), "x");
    await writeFile(path.join(tmp, "stale-2"), "x");
    await writeFile(path.join(tmp, "fresh"), "x");
    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(tmp, "stale-1"), old, old);
    await utimes(path.join(tmp, "stale-2"), old, old);
    expect(await storage.sweepTemp(3600_000)).toBe(2);
    expect(await tmpEntries()).toEqual(["fresh"]);
    expect(await createLocalStorage(path.join(base, "never-used")).sweepTemp(0)).toBe(0);
  });

  it("delete is idempotent and deletePrefix removes a whole clip", async () => {
    for (const f of ["video.mp4", "cover.jpg", "poster.jpg", "preview.mp4"] as const) {
      await storage.put(clipKey("g8", f), Buffer.from(f), { contentType: "application/octet-stream" });
    }
    await storage.put(clipKey("g9", "video.mp4"), Buffer.from("keep"), { contentType: "video/mp4" });
    await storage.delete(clipKey("g8", "cover.jpg"));
    await storage.delete(clipKey("g8", "cover.jpg"));
    expect(await storage.stat(clipKey("g8", "cover.jpg"))).toBeNull();
    expect(await storage.deletePrefix(clipPrefix("g8"))).toBe(3);
    expect(await storage.deletePrefix(clipPrefix("g8"))).toBe(0);
    expect(await text(await storage.read(clipKey("g9", "video.mp4")))).toBe("keep");
  });

  it("read/stat of missing keys and hostile keys are typed errors, never filesystem access", async () => {
    expect(await storage.stat("clips/nope/video.mp4")).toBeNull();
    expect(await storage.stat("clips")).toBeNull(); // a directory is not an object
    const e1 = await storage.read("clips/nope/video.mp4").catch((e: unknown) => e);
    expect(isStorageError(e1, "not_found")).toBe(true);
    for (const bad of ["../escape.txt", "/etc/passwd", "a/../../x", "tmp/x", "a\\..\\b"]) {
      const e = await storage.put(bad, Buffer.from("x"), { contentType: "text/plain" }).catch((x: unknown) => x);
      expect(isStorageError(e, "invalid_key")).toBe(true);
      expect(isStorageError(await storage.read(bad).catch((x: unknown) => x), "invalid_key")).toBe(true);
    }
    expect(existsSync(path.join(root, "..", "escape.txt"))).toBe(false);
  });
});
