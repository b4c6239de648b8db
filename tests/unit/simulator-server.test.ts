import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { api, fakeRender, tempDir } from "@/tests/support/simulator-fixtures";
import { exampleImageFetcher } from "@/tests/support/placeholder-image";

// Account behaviour, switches, ledger, faults and persistence, with a fake renderer.

const running: RunningSimulator[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

async function sim(extra: Parameters<typeof startSimulator>[0] = {}) {
  const s = await startSimulator({ keys: ["a".repeat(32) + ".KeyAAAAAAAAAAAA", "b".repeat(32) + ".KeyBBBBBBBBBBBB"], render: fakeRender, cacheDir: tempDir("sim-cache"), fetchImage: exampleImageFetcher, ...extra });
  running.push(s);
  const [k1 = "", k2 = ""] = s.keys;
  const create = (body: unknown, key = k1) => api(`${s.baseUrl}/videos/generations`, key, body);
  const query = (id: string, key = k1) => api(`${s.baseUrl}/async-result/${id}`, key);
  return { s, k1, k2, create, query };
}

const text = (prompt = "a cat", extra: Record<string, unknown> = {}) => ({ model: "viduq1-text", prompt, ...extra });

describe("per-key per-model concurrency cap", () => {
  it("the 6th PROCESSING task gets 429 1302; other models and keys are unaffected; slots free on finish", async () => {
    const { s, k2, create } = await sim();
    for (let i = 0; i < 5; i++) expect((await create(text(`p${i}`))).status).toBe(200);
    const sixth = await create(text("p6"));
    expect(sixth.status).toBe(429);
    expect(sixth.body).toEqual({ error: { code: "1302", message: "您的账户已达到速率限制，请您控制请求频率" } });
    expect((await create({ model: "viduq1-image", image_url: "https://example.com/i.png" })).status).toBe(200);
    expect((await create(text("other key"), k2)).status).toBe(200);
    const stats = s.control.stats();
    expect(stats.rejectedOverCap).toBe(1);
    expect(stats.peakInFlight["viduq1-text"]).toBe(6); // 5 + 1 on the second key
    await s.control.rendersIdle();
    s.control.advanceTime(400_000);
    expect((await create(text("after"))).status).toBe(200);
  });
});

describe("lifecycle", () => {
  it("PROCESSING until both the time has passed and the render finished, then SUCCESS with signed URLs", async () => {
    const { s, create, query } = await sim();
    const c = await create(text());
    const id = String(c.body.id);
    expect(Object.keys(c.body).sort()).toEqual(["id", "model", "request_id", "task_status"]);
    expect(c.body.request_id).toBe(id);
    expect(id).toMatch(/^\d{14}[0-9a-f]{16}$/);
    expect((await query(id)).body).toEqual({ id, model: "viduq1-text", request_id: id, task_status: "PROCESSING" });
    await s.control.rendersIdle();
    expect((await query(id)).body.task_status).toBe("PROCESSING");
    s.control.advanceTime(331_000);
    const done = await query(id);
    expect(done.body.task_status).toBe("SUCCESS");
    const [result] = done.body.video_result as { url: string; cover_image_url: string }[];
    expect(Object.keys(result ?? {}).sort()).toEqual(["cover_image_url", "url"]);
    const video = await fetch(result?.url ?? "");
    expect(video.status).toBe(200);
    expect((await video.arrayBuffer()).byteLength).toBe(10_000);
    s.control.advanceTime(86_400_000);
    expect((await fetch(result?.url ?? "")).status).toBe(403);
  });

  it("failRate 1 → FAIL with no reason field and no video_result", async () => {
    const { s, create, query } = await sim({ failRate: 1 });
    const id = String((await create(text())).body.id);
    s.control.advanceTime(400_000);
    expect((await query(id)).body).toEqual({ id, model: "viduq1-text", request_id: id, task_status: "FAIL" });
  });

  it("generation time follows the model (speed factor divides it)", async () => {
    const { s, create } = await sim({ speed: 1 });
    const t = String((await create(text())).body.id);
    const se = String((await create({ model: "viduq1-start-end", image_url: ["https://example.com/a.png", "https://example.com/b.png"] })).body.id);
    await s.control.rendersIdle();
    s.control.advanceTime(125_000);
    expect(s.control.taskStatus(se)).toBe("SUCCESS");
    expect(s.control.taskStatus(t)).toBe("PROCESSING");
  });
});

describe("switches and business errors", () => {
  it("1113 comes before validation; 1305; 1301 on the unsafe marker", async () => {
    const { s, create } = await sim();
    s.control.set({ noBalance: true });
    const broke = await create({ model: "nope" });
    expect([broke.status, (broke.body.error as { code: string }).code]).toEqual([429, "1113"]);
    s.control.set({ noBalance: false, overloaded: true });
    expect([(await create(text())).status, ((await create(text())).body.error as { code: string }).code]).toEqual([429, "1305"]);
    s.control.set({ overloaded: false });
    for (const p of ["an UNSAFE scene", "违禁内容"]) {
      const r = await create(text(p));
      expect([r.status, (r.body.error as { code: string }).code]).toEqual([400, "1301"]);
    }
    expect(s.control.stats().totalAccepts).toBe(0);
  });

  it("a repeated request_id gets 1231 and is accepted only once; ids are per account (1233)", async () => {
    const { s, k2, create, query } = await sim();
    const first = await create(text("x", { request_id: "req-1" }));
    expect(first.body.request_id).toBe("req-1");
    const again = await create(text("x", { request_id: "req-1" }));
    expect([again.status, again.body]).toEqual([400, { error: { code: "1231", message: "您已有请求：req-1" } }]);
    expect(s.control.stats().acceptsByRequestId).toEqual({ "req-1": 1 });
    const foreign = await query(String(first.body.id), k2);
    expect([foreign.status, foreign.body]).toEqual([400, { error: { code: "1233", message: `任务：${String(first.body.id)}不存在。` } }]);
  });
});

describe("faults and the ledger", () => {
  it("ack lost: the create is accepted but the client gets no reply", async () => {
    const { s, create } = await sim();
    s.control.inject({ type: "ackLost" });
    await expect(create(text("x", { request_id: "lost-1" }))).rejects.toThrow();
    expect(s.control.stats().acceptsByRequestId).toEqual({ "lost-1": 1 });
    const retry = await create(text("x", { request_id: "lost-1" }));
    expect((retry.body.error as { code: string }).code).toBe("1231");
  });

  it("a 5xx burst answers the next N requests and nothing is accepted", async () => {
    const { s, create } = await sim();
    s.control.inject({ type: "status", status: 503, count: 2 });
    expect((await create(text())).status).toBe(503);
    expect((await create(text())).status).toBe(503);
    expect((await create(text())).status).toBe(200);
    expect(s.control.stats().totalAccepts).toBe(1);
  });

  it("a truncated download ends early; the next download is whole", async () => {
    const { s, create, query } = await sim();
    const id = String((await create(text())).body.id);
    await s.control.rendersIdle();
    s.control.advanceTime(400_000);
    const url = ((await query(id)).body.video_result as { url: string }[])[0]?.url ?? "";
    s.control.inject({ type: "truncate", target: "file" });
    const cut = await fetch(url);
    expect(cut.headers.get("content-length")).toBe("10000");
    await expect(cut.arrayBuffer()).rejects.toThrow();
    expect((await (await fetch(url)).arrayBuffer()).byteLength).toBe(10_000);
  });

  it("counts overlapping polls of one task", async () => {
    const { s, create, query } = await sim();
    const id = String((await create(text())).body.id);
    s.control.inject({ type: "hang", target: "query" });
    const ctrl = new AbortController();
    const hung = fetch(`${s.baseUrl}/async-result/${id}`, { headers: { Authorization: `Bearer ${s.keys[0]}` }, signal: ctrl.signal }).catch(() => undefined);
    await new Promise((ok) => setTimeout(ok, 50));
    await query(id);
    ctrl.abort();
    await hung;
    await new Promise((ok) => setTimeout(ok, 50));
    await query(id);
    expect(s.control.stats().overlappingPolls).toEqual({ [id]: 1 });
  });

  it("control routes work over HTTP and need a key", async () => {
    const { s, k1, create } = await sim();
    expect((await api(`${s.url}/__sim/control`, undefined, { set: { noBalance: true } })).status).toBe(401);
    expect((await api(`${s.url}/__sim/control`, k1, { inject: { type: "bogus" } })).status).toBe(400);
    expect((await api(`${s.url}/__sim/control`, k1, { set: { noBalance: true } })).status).toBe(200);
    expect((await create(text())).status).toBe(429);
    const stats = await api(`${s.url}/__sim/stats`, k1);
    expect((stats.body.stats as { errorsByCode: Record<string, number> }).errorsByCode["1113"]).toBe(1);
  });
});

describe("persistence", () => {
  it("a restarted simulator with the same stateDir keeps its key, tasks and finishes pending renders", async () => {
    const stateDir = tempDir("sim-state");
    // The first instance never finishes its render: the restart must pick it up.
    const first = await startSimulator({ stateDir, render: () => new Promise(() => undefined), fetchImage: exampleImageFetcher });
    const key = first.keys[0] ?? "";
    const c = await api(`${first.baseUrl}/videos/generations`, key, { model: "viduq1-image", image_url: "https://example.com/x.png" });
    await first.close();
    const second = await startSimulator({ stateDir, render: fakeRender, fetchImage: exampleImageFetcher });
    running.push(second);
    expect(second.keys).toEqual([key]);
    await second.control.rendersIdle();
    second.control.advanceTime(200_000);
    const q = await api(`${second.baseUrl}/async-result/${String(c.body.id)}`, key);
    expect(q.body.task_status).toBe("SUCCESS");
  });
});
