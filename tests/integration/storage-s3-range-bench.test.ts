// Measurement behind the media-route decision in docs/deploy.md ("S3: proxied Range reads"):
// 50 random 1 MiB seeks + one full read of a 20 MB clip, (a) proxied through serveRange over the S3
// driver, (b) as a 302 to a presigned GET that the client follows to the store. Authorization would
// run in our handler in both cases; here both handlers skip it to time only the transport.
import { createHash, createHmac, randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { SignatureV4 } from "@smithy/signature-v4";
import type { SourceData } from "@smithy/types";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveRange } from "@/lib/server/media/serve-range";
import { clipKey } from "@/lib/server/storage/keys";
import { createS3Storage } from "@/lib/server/storage/s3-storage";
import type { Storage } from "@/lib/server/storage/storage";
import { startS3rver, type S3rverHandle } from "../support/s3rver";

const SIZE = 20 * 1000 * 1000;
const SEEK = 1024 * 1024;
const key = clipKey("bench", "video.mp4");
let s3: S3rverHandle;
let storage: Storage;
let data: Buffer;
let server: http.Server;
let base: string;

class NodeSha256 {
  private h!: ReturnType<typeof createHash>;
  constructor(private readonly secret?: SourceData) {
    this.reset();
  }
  update(d: SourceData): void {
    this.h.update(typeof d === "string" ? d : Buffer.from(d instanceof ArrayBuffer ? d : d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength)));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset(): void {
    const s = this.secret;
    this.h = (s === undefined ? createHash("sha256") : createHmac("sha256", typeof s === "string" ? s : Buffer.from(s as ArrayBuffer))) as ReturnType<typeof createHash>;
  }
}

async function presignedUrl(): Promise<string> {
  const ep = new URL(s3.endpoint);
  const signer = new SignatureV4({
    service: "s3",
    region: "us-east-1",
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    sha256: NodeSha256,
    uriEscapePath: false,
  });
  const signed = await signer.presign(
    // Presigned URLs sign the literal payload hash UNSIGNED-PAYLOAD, as S3 (and scripts/s3rver.mjs) check them.
    { method: "GET", protocol: ep.protocol, hostname: ep.hostname, port: Number(ep.port), path: `/${s3.bucket}/${key}`, query: {}, headers: { host: ep.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } },
    { expiresIn: 300, unsignableHeaders: new Set(["x-amz-content-sha256"]), unhoistableHeaders: new Set(["x-amz-content-sha256"]) },
  );
  const q = new URLSearchParams(signed.query as Record<string, string>);
  return `${s3.endpoint}/${s3.bucket}/${key}?${q.toString()}`;
}

beforeAll(async () => {
  s3 = await startS3rver();
  storage = createS3Storage(s3.config);
  data = randomBytes(SIZE);
  await storage.put(key, data, { contentType: "video/mp4" });
  server = http.createServer((req, res) => {
    void (async () => {
      if (req.url?.startsWith("/presigned")) {
        res.writeHead(302, { location: await presignedUrl(), "cache-control": "no-store" }).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const response = await serveRange(new Request(`http://x${req.url}`, { headers }), {
        storage,
        key,
        contentType: "video/mp4",
        cacheControl: "private, max-age=3600",
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
      else res.end();
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await s3?.stop();
});

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function measure(path: string, offsets: number[]) {
  const latencies: number[] = [];
  const t0 = performance.now();
  for (const start of offsets) {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { range: `bytes=${start}-${start + SEEK - 1}` } });
    const body = Buffer.from(await res.arrayBuffer());
    latencies.push(performance.now() - t);
    expect(res.status).toBe(206);
    expect(body.equals(data.subarray(start, start + SEEK))).toBe(true);
  }
  const seekTotal = performance.now() - t0;
  const tf = performance.now();
  const full = Buffer.from(await (await fetch(`${base}${path}`)).arrayBuffer());
  const fullMs = performance.now() - tf;
  expect(full.length).toBe(SIZE);
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    seekMBps: (offsets.length * SEEK) / 1e6 / (seekTotal / 1000),
    fullMs,
    fullMBps: SIZE / 1e6 / (fullMs / 1000),
  };
}

it("proxied Range reads vs presigned redirects on s3rver (50 random 1 MiB seeks + a full read of 20 MB)", async () => {
  const offsets = Array.from({ length: 50 }, () => randomInt(0, SIZE - SEEK));
  await measure("/proxied", offsets.slice(0, 3)); // warm both paths (sockets, JIT)
  await measure("/presigned", offsets.slice(0, 3));
  const proxied = await measure("/proxied", offsets);
  const presigned = await measure("/presigned", offsets);
  const fmt = (r: typeof proxied) =>
    `seek p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.seekMBps.toFixed(0)} MB/s; full 20 MB ${r.fullMs.toFixed(0)} ms (${r.fullMBps.toFixed(0)} MB/s)`;
  console.info(`[range bench] proxied:   ${fmt(proxied)}`);
  console.info(`[range bench] presigned: ${fmt(presigned)}`);
  expect(proxied.p95).toBeLessThan(1000);
});
