import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { exampleImageFetcher } from "@/tests/support/placeholder-image";
import { EXAMPLES, api, tempDir } from "@/tests/support/simulator-fixtures";

// The upstream contract (docs/upstream.md) checked over real HTTP against the simulator
// with the real ffmpeg renderer: the documented examples succeed, every documented error returns the
// documented status, code and envelope, and the JSON shapes match key for key.

let sim: RunningSimulator;
let key = "";
// `null` = send no Authorization header at all.
const create = (body: unknown, k: string | null = key) => api(`${sim.baseUrl}/videos/generations`, k ?? undefined, body);
const query = (id: string, k: string | null = key) => api(`${sim.baseUrl}/async-result/${id}`, k ?? undefined);
const keysOf = (o: unknown) => Object.keys(o as object).sort();

function expectEnvelope(r: { status: number; body: Record<string, unknown> }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(keysOf(r.body)).toEqual(["error"]);
  const err = r.body.error as Record<string, unknown>;
  expect(keysOf(err)).toEqual(["code", "message"]);
  expect(err.code).toBe(code);
  expect(typeof err.message).toBe("string");
  expect(String(err.message).length).toBeGreaterThan(0);
}

async function pollUntilDone(id: string): Promise<Record<string, unknown>> {
  await sim.control.rendersIdle();
  for (let i = 0; i < 100; i++) {
    const r = await query(id);
    if (r.body.task_status !== "PROCESSING") return r.body;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`task ${id} never finished`);
}

beforeAll(async () => {
  const dir = tempDir("sim-contract");
  sim = await startSimulator({ stateDir: dir, speed: 1000, renderConcurrency: 2, fetchImage: exampleImageFetcher });
  key = sim.keys[0] ?? "";
});
afterAll(async () => {
  await sim.close();
});

describe("documented example bodies", () => {
  const results = new Map<string, Record<string, unknown>>();
  it.each(Object.entries(EXAMPLES))("%s: create 200 {id, model, request_id, task_status}", async (name, body) => {
    const r = await create(body);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(keysOf(r.body)).toEqual(["id", "model", "request_id", "task_status"]);
    expect(r.body).toMatchObject({ model: body.model, task_status: "PROCESSING" });
    expect(typeof r.body.id).toBe("string");
    const done = await pollUntilDone(String(r.body.id));
    results.set(name, done);
    expect(keysOf(done)).toEqual(["id", "model", "request_id", "task_status", "video_result"]);
    expect(done.task_status).toBe("SUCCESS");
    const list = done.video_result as Record<string, string>[];
    expect(list).toHaveLength(1);
    expect(keysOf(list[0])).toEqual(["cover_image_url", "url"]);
  });

  it("SUCCESS yields a real H.264 MP4 and a JPEG cover over HTTP", async () => {
    const done = results.get("text");
    const item = (done?.video_result as Record<string, string>[] | undefined)?.[0];
    expect(item).toBeDefined();
    const video = await fetch(item?.url ?? "");
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    const file = path.join(tempDir("sim-dl"), "v.mp4");
    fs.writeFileSync(file, Buffer.from(await video.arrayBuffer()));
    const probe = JSON.parse(
      execFileSync("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", file]).toString(),
    ) as { streams: { codec_name: string; width: number; height: number; r_frame_rate: string }[]; format: { duration: string } };
    expect(probe.streams[0]).toMatchObject({ codec_name: "h264", width: 1920, height: 1080, r_frame_rate: "24/1" });
    expect(Number(probe.format.duration)).toBeCloseTo(5, 1);
    const cover = Buffer.from(await (await fetch(item?.cover_image_url ?? "")).arrayBuffer());
    expect([...cover.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});

describe("documented errors: status, code, envelope", () => {
  const cases: [string, unknown, string | null, number, string][] = [
    ["no Authorization header", EXAMPLES.text, null, 401, "1001"],
    ["unknown key", EXAMPLES.text, "0".repeat(32) + ".unknownunknown1", 401, "401"],
    ["body is not JSON", "{nope", "KEY", 400, "1210"],
    ["unknown model", { ...EXAMPLES.text, model: "viduq9-text" }, "KEY", 400, "1211"],
    ["text without prompt", { model: "viduq1-text" }, "KEY", 400, "1213"],
    ["image without image_url", { model: "viduq1-image", prompt: "x" }, "KEY", 400, "1213"],
    ["invalid enum", { ...EXAMPLES.text, aspect_ratio: "4:3" }, "KEY", 400, "1214"],
    ["invalid duration", { ...EXAMPLES.text, duration: 10 }, "KEY", 400, "1214"],
    ["image without data-URI prefix", { model: "viduq1-image", image_url: "aGVsbG8=" }, "KEY", 400, "1214"],
    ["start-end with one image", { ...EXAMPLES.startEnd, image_url: ["https://example.com/a.jpg"] }, "KEY", 400, "1214"],
    ["prompt over 512 characters", { ...EXAMPLES.text, prompt: "长".repeat(513) }, "KEY", 400, "1261"],
  ];
  it.each(cases)("%s → %i %s", async (_n, body, k, status, code) => {
    expectEnvelope(await create(body, k === "KEY" ? key : k), status, code);
  });

  it("unknown key answers the observed body exactly", async () => {
    const r = await create(EXAMPLES.text, "0".repeat(32) + ".unknownunknown1");
    expect(r.body).toEqual({ error: { code: "401", message: "令牌已过期或验证不正确" } });
  });

  it("unknown task id → 400 1233 with the observed message", async () => {
    const r = await query("20260101000000deadbeefdeadbeef");
    expectEnvelope(r, 400, "1233");
    expect((r.body.error as { message: string }).message).toBe("任务：20260101000000deadbeefdeadbeef不存在。");
    expectEnvelope(await query("20260101000000deadbeefdeadbeef", null), 401, "1001");
  });

  it("switches: no balance 429 1113 (even for an invalid body), overload 429 1305, unsafe prompt 400 1301", async () => {
    sim.control.set({ noBalance: true });
    expectEnvelope(await create({ model: "bogus" }), 429, "1113");
    sim.control.set({ noBalance: false, overloaded: true });
    expectEnvelope(await create(EXAMPLES.text), 429, "1305");
    sim.control.set({ overloaded: false });
    expectEnvelope(await create({ ...EXAMPLES.text, prompt: "UNSAFE content" }), 400, "1301");
  });

  it("repeated request_id → 400 1231 (status UNVERIFIED upstream)", async () => {
    const body = { ...EXAMPLES.text, request_id: "contract-dup-1" };
    expect((await create(body)).status).toBe(200);
    expectEnvelope(await create(body), 400, "1231");
    expect(sim.control.stats().acceptsByRequestId["contract-dup-1"]).toBe(1);
  });

  it("the 6th concurrent task of one model → 429 1302", async () => {
    await pollUntilDone(String((await create({ ...EXAMPLES.text, prompt: "warm cache" })).body.id));
    sim.control.set({ speed: 0.001 }); // tasks now stay PROCESSING
    sim.control.advanceTime(10_000_000); // finish everything created before
    for (let i = 0; i < 5; i++) expect((await create({ ...EXAMPLES.text, prompt: "warm cache" })).status).toBe(200);
    expectEnvelope(await create({ ...EXAMPLES.text, prompt: "warm cache" }), 429, "1302");
    expect(sim.control.stats().rejectedOverCap).toBe(1);
    sim.control.set({ speed: 1000 });
    sim.control.advanceTime(10_000_000_000);
  });
});

describe("result URLs: Range and expiry", () => {
  let url = "";
  beforeAll(async () => {
    const done = await pollUntilDone(String((await create({ ...EXAMPLES.text, prompt: "range test" })).body.id));
    url = (done.video_result as { url: string }[])[0]?.url ?? "";
  });

  it("serves single ranges with 206, 416 and ETag / If-Range", async () => {
    const full = await fetch(url);
    const size = Number(full.headers.get("content-length"));
    const etag = full.headers.get("etag") ?? "";
    const body = Buffer.from(await full.arrayBuffer());
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    const part = await fetch(url, { headers: { Range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${size}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(100, 200))).toBe(true);
    const tail = await fetch(url, { headers: { Range: "bytes=-10" } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(body.subarray(size - 10))).toBe(true);
    const bad = await fetch(url, { headers: { Range: `bytes=${size}-` } });
    expect([bad.status, bad.headers.get("content-range")]).toEqual([416, `bytes */${size}`]);
    const stale = await fetch(url, { headers: { Range: "bytes=0-9", "If-Range": '"other"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    const fresh = await fetch(url, { headers: { Range: "bytes=0-9", "If-Range": etag } });
    expect(fresh.status).toBe(206);
    await fresh.arrayBuffer();
    const head = await fetch(url, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(size)]);
  });

  it("a tampered signature is 403; the link expires after urlTtlSeconds", async () => {
    // Change the signature's first character to one it is not: a fixed replacement ("A") left the
    // URL untouched whenever the signature began with it (one run in 64), and that link is valid.
    const tampered = url.replace(/sig=(.)/, (_, c: string) => `sig=${c === "A" ? "B" : "A"}`);
    expect(tampered).not.toBe(url);
    expect((await fetch(tampered)).status).toBe(403);
    sim.control.advanceTime(86_401_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("expired");
  });
});
