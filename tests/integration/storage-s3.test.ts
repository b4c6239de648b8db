// S3-driver specifics against s3rver in a child process: bounded memory on a 60 MiB streamed
// multipart upload, multipart atomicity, mid-multipart aborts, paging, error mapping.
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clipKey, clipPrefix } from "@/lib/server/storage/keys";
import { createS3Storage } from "@/lib/server/storage/s3-storage";
import type { Storage } from "@/lib/server/storage/storage";
import { isStorageError } from "@/lib/server/storage/storage-error";
import { startS3rver, type S3rverHandle } from "../support/s3rver";

const MiB = 1024 * 1024;
let s3: S3rverHandle;
let storage: Storage;

const commands: string[] = [];
/** UploadPart calls the store has answered: what the driver no longer needs to hold. */
let partsDone = 0;

beforeAll(async () => {
  s3 = await startS3rver();
  const client = s3.client();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? "?");
      const out = await next(args);
      if (context.commandName === "UploadPartCommand") partsDone++;
      return out;
    },
    { step: "initialize", name: "recordCommands" },
  );
  storage = createS3Storage(s3.config, { client });
});
afterAll(async () => s3?.stop());

/** `total` bytes in 64 KiB chunks of fresh random data (nothing retained), hashed as produced. */
function generatorSource(total: number, onChunk?: (sent: number) => Promise<void> | void) {
  const hash = createHash("sha256");
  async function* gen() {
    let sent = 0;
    while (sent < total) {
      const chunk = randomBytes(Math.min(64 * 1024, total - sent));
      hash.update(chunk);
      sent += chunk.length;
      await onChunk?.(sent);
      yield chunk;
    }
  }
  return { stream: Readable.from(gen(), { objectMode: false }), digest: () => hash.digest("hex") };
}

async function bucketKeys(): Promise<string[]> {
  const res = await s3.client().send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (res.Contents ?? []).map((o) => o.Key ?? "");
}

describe("s3 driver on s3rver", () => {
  it("streams 60 MiB from a generator with bounded memory; invisible until CompleteMultipartUpload", async () => {
    const key = clipKey("big60", "video.mp4");
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let visibleEarly = 0;
    let checks = 0;
    // Bounded memory, measured without the process's RSS (which load and the collector move): the
    // bytes pulled from the source that no answered part has taken yet. A driver that buffered the
    // body would reach 60 MiB here; this one is bounded by partSize × (queueSize + 1) = 15 MiB.
    partsDone = 0;
    let aheadMax = 0;
    const src = generatorSource(60 * MiB, async (sent) => {
      aheadMax = Math.max(aheadMax, sent - partsDone * 5 * MiB);
      if (sent % (8 * MiB) === 0) {
        checks++;
        if ((await storage.stat(key)) !== null) visibleEarly++;
      }
    });
    const started = performance.now();
    const result = await storage.put(key, src.stream, { contentType: "video/mp4" });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - baseline) / 1e6;
    console.info(
      `[s3 60 MiB put] ${seconds.toFixed(2)} s, RSS baseline ${(baseline / 1e6).toFixed(0)} MB, peak ${(peak / 1e6).toFixed(0)} MB, growth ${growthMb.toFixed(1)} MB (context only), pulled ahead of answered parts at most ${(aheadMax / MiB).toFixed(1)} MiB`,
    );
    expect(result).toEqual({ bytes: 60 * MiB, sha256: src.digest() });
    expect(checks).toBeGreaterThanOrEqual(7);
    expect(visibleEarly).toBe(0);
    expect(aheadMax).toBeLessThanOrEqual(20 * MiB); // the bound above plus one part of stream buffers
    const st = await storage.stat(key);
    expect(st?.size).toBe(60 * MiB);
    // 12 parts of 5 MiB: it really was a multipart upload (s3rver's ETag is a plain MD5, so count calls).
    expect(commands.filter((c) => c === "UploadPartCommand")).toHaveLength(12);
    expect(commands.filter((c) => c === "CompleteMultipartUploadCommand")).toHaveLength(1);
    const readHash = createHash("sha256");
    for await (const c of await storage.read(key)) readHash.update(c as Buffer);
    expect(readHash.digest("hex")).toBe(result.sha256);
    await storage.delete(key);
  });

  it("maxBytes exceeded after several parts aborts the multipart upload: no object", async () => {
    const key = clipKey("big-limit", "video.mp4");
    const src = generatorSource(24 * MiB);
    const err = await storage.put(key, src.stream, { contentType: "video/mp4", maxBytes: 12 * MiB }).catch((e: unknown) => e);
    expect(isStorageError(err, "too_large")).toBe(true);
    expect(src.stream.destroyed).toBe(true);
    expect(await storage.stat(key)).toBeNull();
    expect(await bucketKeys()).not.toContain(key);
  });

  it("a source failing mid-multipart rethrows its error and leaves no object (old object kept)", async () => {
    const key = clipKey("big-fail", "video.mp4");
    const old = randomBytes(1000);
    await storage.put(key, old, { contentType: "video/mp4" });
    async function* failing() {
      for (let i = 0; i < 12; i++) yield randomBytes(MiB);
      throw new Error("connection reset mid-download");
    }
    const err = await storage.put(key, Readable.from(failing()), { contentType: "video/mp4" }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("connection reset mid-download");
    expect((await storage.stat(key))?.size).toBe(1000);
  });

  it("sweepTemp tolerates s3rver's missing ListMultipartUploads (reports 0)", async () => {
    expect(await storage.sweepTemp(0)).toBe(0);
  });

  it("deletePrefix pages through listings", async () => {
    const paged = createS3Storage(s3.config, { pageSize: 3 });
    const files = ["video.mp4", "cover.jpg", "poster.jpg", "preview.mp4"] as const;
    for (const g of ["pg1", "pg2"]) for (const f of files) await paged.put(clipKey(g, f), Buffer.from(g + f), { contentType: "x" });
    expect(await paged.deletePrefix(clipPrefix("pg1"))).toBe(4);
    expect(await paged.stat(clipKey("pg2", "video.mp4"))).not.toBeNull();
    expect(await paged.deletePrefix(clipPrefix("pg2"))).toBe(4);
  });

  it("maps a missing bucket to not_configured and an unreachable endpoint to io", async () => {
    const wrong = createS3Storage({ ...s3.config, bucket: "no-such-bucket" });
    expect(isStorageError(await wrong.put(clipKey("x", "video.mp4"), Buffer.from("x"), { contentType: "x" }).catch((e: unknown) => e), "not_configured")).toBe(true);
    const dead = createS3Storage({ ...s3.config, endpoint: "http://127.0.0.1:9" });
    const e = await dead.stat(clipKey("x", "video.mp4")).catch((x: unknown) => x);
    expect(isStorageError(e, "io")).toBe(true);
    expect(String((e as Error).message)).not.toContain("S3RVER"); // never echo credentials
  });
});
