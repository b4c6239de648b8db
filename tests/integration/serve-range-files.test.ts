import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition, serveRange, type ServeRangeOptions } from "@/lib/server/media/serve-range";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import type { Storage } from "@/lib/server/storage/storage";

// serveRange over real files on disk (single ranges, suffixes, 416, If-Range, multi-range refusal).

let dir: string;
let storage: Storage;
const big = randomBytes(100_003);
const small = randomBytes(4_099);
const KEY = "clips/r1/video.mp4";
const SMALL = "clips/r2/video.mp4";
const EMPTY = "clips/r3/video.mp4";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "fh-range-"));
  storage = createLocalStorage(dir);
  await storage.put(KEY, big, { contentType: "video/mp4" });
  await storage.put(SMALL, small, { contentType: "video/mp4" });
  await storage.put(EMPTY, Buffer.alloc(0), { contentType: "video/mp4" });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = (o: Partial<ServeRangeOptions> = {}): ServeRangeOptions => ({
  storage,
  key: KEY,
  contentType: "video/mp4",
  cacheControl: "private, max-age=3600",
  ...o,
});
const req = (headers: Record<string, string> = {}, method = "GET", signal?: AbortSignal) =>
  new Request("http://studio.test/api/media/x", { method, headers, ...(signal ? { signal } : {}) });
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe("serveRange", () => {
  it("200 with the full body and every header", async () => {
    const r = await serveRange(req(), base());
    expect(r.status).toBe(200);
    expect((await bytes(r)).equals(big)).toBe(true);
    expect(r.headers.get("accept-ranges")).toBe("bytes");
    expect(r.headers.get("content-length")).toBe(String(big.length));
    expect(r.headers.get("content-type")).toBe("video/mp4");
    expect(r.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-disposition")).toBe("inline");
    expect(r.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(Date.parse(r.headers.get("last-modified") ?? "")).toBeGreaterThan(0);
    expect(r.headers.get("content-range")).toBeNull();
  });

  it("206 for a single range, open range and suffix", async () => {
    for (const [h, s, e] of [
      ["bytes=0-9", 0, 9],
      ["bytes=100000-", 100_000, 100_002],
      ["bytes=-5", 99_998, 100_002],
      ["bytes=50-999999999", 50, 100_002],
    ] as const) {
      const r = await serveRange(req({ range: h }), base());
      expect(r.status).toBe(206);
      expect(r.headers.get("content-range")).toBe(`bytes ${s}-${e}/${big.length}`);
      expect(r.headers.get("content-length")).toBe(String(e - s + 1));
      expect((await bytes(r)).equals(big.subarray(s, e + 1))).toBe(true);
    }
  });

  it("416 with Content-Range: bytes */len", async () => {
    for (const h of ["bytes=100003-", "bytes=200000-300000", "bytes=-0"]) {
      const r = await serveRange(req({ range: h }), base());
      expect(r.status).toBe(416);
      expect(r.headers.get("content-range")).toBe(`bytes */${big.length}`);
      expect((await bytes(r)).length).toBe(0);
    }
    const empty = await serveRange(req({ range: "bytes=0-" }), base({ key: EMPTY }));
    expect(empty.status).toBe(416);
    expect(empty.headers.get("content-range")).toBe("bytes */0");
    const emptyFull = await serveRange(req(), base({ key: EMPTY }));
    expect(emptyFull.status).toBe(200);
    expect(emptyFull.headers.get("content-length")).toBe("0");
  });

  it("multi-range and junk are answered as a full 200; 1,000 ranges fast, without multipart", async () => {
    for (const h of ["bytes=0-1,5-9", "bytes=abc", "items=0-5", "bytes=9-1"]) {
      const r = await serveRange(req({ range: h }), base({ key: SMALL }));
      expect(r.status).toBe(200);
      expect((await bytes(r)).equals(small)).toBe(true);
    }
    const many = `bytes=${Array.from({ length: 1_000 }, (_, i) => `${i * 3}-${i * 3 + 100}`).join(",")}`;
    const t0 = performance.now();
    const r = await serveRange(req({ range: many }), base());
    const elapsed = performance.now() - t0;
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("video/mp4");
    expect(elapsed).toBeLessThan(50);
    await r.body?.cancel();
  });

  it("If-None-Match and If-Modified-Since → 304 without a body", async () => {
    const etag = (await serveRange(req({}, "HEAD"), base())).headers.get("etag") ?? "";
    const lm = (await serveRange(req({}, "HEAD"), base())).headers.get("last-modified") ?? "";
    const conditionals: Array<Record<string, string>> = [{ "if-none-match": etag }, { "if-none-match": `W/${etag}` }, { "if-none-match": `"x", ${etag}` },
      { "if-none-match": "*" }, { "if-modified-since": lm }];
    for (const h of conditionals) {
      const r = await serveRange(req(h), base());
      expect(r.status).toBe(304);
      expect(r.headers.get("etag")).toBe(etag);
      expect(r.headers.get("cache-control")).toBe("private, max-age=3600");
      expect(r.body).toBeNull();
    }
    const miss = await serveRange(req({ "if-none-match": '"other"', "if-modified-since": lm }), base());
    expect(miss.status).toBe(200); // If-None-Match takes precedence over If-Modified-Since
    await miss.body?.cancel();
  });

  it("If-Range: matching strong ETag or exact date → 206; anything else → full 200", async () => {
    const head = await serveRange(req({}, "HEAD"), base());
    const etag = head.headers.get("etag") ?? "";
    const lm = head.headers.get("last-modified") ?? "";
    const older = new Date(Date.parse(lm) - 60_000).toUTCString();
    const cases: Array<[string, number]> = [[etag, 206], [lm, 206], [`W/${etag}`, 200], ['"stale"', 200], [older, 200], ["junk", 200]];
    for (const [ifRange, status] of cases) {
      const r = await serveRange(req({ range: "bytes=10-19", "if-range": ifRange }), base());
      expect([ifRange, r.status]).toEqual([ifRange, status]);
      const body = await bytes(r);
      expect(body.equals(status === 206 ? big.subarray(10, 20) : big)).toBe(true);
    }
    const custom = await serveRange(req({ range: "bytes=0-0", "if-range": '"sha-abc"' }), base({ etag: "sha-abc" }));
    expect(custom.status).toBe(206);
    expect(custom.headers.get("etag")).toBe('"sha-abc"');
    await custom.body?.cancel();
  });

  it("HEAD has headers and no body; other methods are 405; missing objects are 404", async () => {
    const h = await serveRange(req({}, "HEAD"), base());
    expect(h.status).toBe(200);
    expect(h.body).toBeNull();
    expect(h.headers.get("content-length")).toBe(String(big.length));
    const hr = await serveRange(req({ range: "bytes=0-9" }, "HEAD"), base());
    expect(hr.status).toBe(200); // Range is defined for GET only (RFC 9110 §14.2)
    expect(hr.body).toBeNull();
    const p = await serveRange(req({}, "POST"), base());
    expect(p.status).toBe(405);
    expect(p.headers.get("allow")).toBe("GET, HEAD");
    // A missing object is the route's bilingual 404 (AppError not_found), never a 500.
    await expect(serveRange(req(), base({ key: "clips/none/video.mp4" }))).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  it("Content-Disposition: attachment with an RFC 5987 UTF-8 name", async () => {
    const r = await serveRange(req(), base({ key: SMALL, downloadName: "猫的视频 (1)\"; x.mp4" }));
    expect(r.headers.get("content-disposition")).toBe(
      `attachment; filename="____ (1)__ x.mp4"; filename*=UTF-8''%E7%8C%AB%E7%9A%84%E8%A7%86%E9%A2%91%20%281%29%22%3B%20x.mp4`,
    );
    await r.body?.cancel();
    expect(contentDisposition("clip.mp4")).toBe(`attachment; filename="clip.mp4"; filename*=UTF-8''clip.mp4`);
  });

  it("closes the file when the client disconnects or the body is cancelled", async () => {
    const opened: Readable[] = [];
    const spy: Storage = {
      ...storage,
      read: async (k, r) => {
        const s = await storage.read(k, r);
        opened.push(s);
        return s;
      },
    };
    const ac = new AbortController();
    const r1 = await serveRange(req({}, "GET", ac.signal), base({ storage: spy }));
    const reader = r1.body?.getReader();
    expect((await reader?.read())?.done).toBe(false);
    ac.abort();
    await new Promise((res) => setTimeout(res, 20));
    expect(opened[0]?.destroyed).toBe(true);

    const r2 = await serveRange(req(), base({ storage: spy }));
    await r2.body?.cancel();
    await new Promise((res) => setTimeout(res, 20));
    expect(opened[1]?.destroyed).toBe(true);
  });
});

// Independent expectation for the property test: RFC 9110 single-range semantics with BigInt.
function expectedSlice(h: string, size: number): { status: number; start: number; end: number } {
  const full = { status: 200, start: 0, end: size - 1 };
  const m = /^bytes=([\s\S]*)$/i.exec(h);
  if (!m) return full;
  const parts = (m[1] ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  if (parts.length !== 1) return full;
  const p = parts[0] ?? "";
  const n = BigInt(size);
  let mm = /^(\d+)-(\d*)$/.exec(p);
  if (mm) {
    const a = BigInt(mm[1] ?? "0");
    const b = mm[2] ? BigInt(mm[2]) : null;
    if (b !== null && b < a) return full;
    if (a >= n) return { status: 416, start: 0, end: -1 };
    return { status: 206, start: Number(a), end: Number(b !== null && b < n ? b : n - 1n) };
  }
  mm = /^-(\d+)$/.exec(p);
  if (mm) {
    const k = BigInt(mm[1] ?? "0");
    if (k === 0n || n === 0n) return { status: 416, start: 0, end: -1 };
    return { status: 206, start: Number(k >= n ? 0n : n - k), end: size - 1 };
  }
  return full;
}

describe("serveRange property (T-RANGE-1)", () => {
  it("served bytes equal the file slice for 2,000 random Range headers", async () => {
    const pos = fc.oneof(fc.nat({ max: 5_000 }), fc.constantFrom(0, 4_098, 4_099, 4_100, 2 ** 40));
    const header = fc.oneof(
      fc.tuple(pos, pos).map(([a, b]) => `bytes=${a}-${b}`),
      pos.map((a) => `bytes=${a}-`),
      pos.map((k) => `bytes=-${k}`),
      fc.constant("bytes=-0"),
      fc.tuple(pos, pos, pos).map(([a, b, c]) => `bytes=${a}-${b},${c}-`),
      fc.string({ maxLength: 12 }).map((s) => `bytes=${s}`),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(header, async (h) => {
        runs++;
        const exp = expectedSlice(h, small.length);
        const r = await serveRange(req({ range: h }), base({ key: SMALL }));
        expect(r.status).toBe(exp.status);
        const body = await bytes(r);
        if (exp.status === 416) {
          expect(body.length).toBe(0);
          expect(r.headers.get("content-range")).toBe(`bytes */${small.length}`);
          return;
        }
        expect(body.equals(small.subarray(exp.start, exp.end + 1))).toBe(true);
        expect(r.headers.get("content-length")).toBe(String(body.length));
        if (exp.status === 206) {
          expect(r.headers.get("content-range")).toBe(`bytes ${exp.start}-${exp.end}/${small.length}`);
        }
      }),
      { numRuns: 2_000 },
    );
    expect(runs).toBe(2_000);
  }, 120_000);
});
