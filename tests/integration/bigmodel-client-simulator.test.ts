import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBigModelClient } from "@/lib/server/bigmodel/client";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { caughtUpstream } from "@/tests/support/caught-upstream";
import { fakeRender, tempDir } from "@/tests/support/simulator-fixtures";

// The real client against the simulator's scripted faults: what each fault looks like to the
// caller, and what the accept ledger says actually happened upstream.

// Built at run time so no key-shaped literal sits in the repository (secret scanners).
const CANARY = `${"c0ffee00".repeat(4)}.CanarySecretKey9`;
let sim: RunningSimulator;
const client = (requestTimeoutMs = 1_000, apiKey = CANARY) =>
  createBigModelClient({ baseUrl: sim.baseUrl, apiKey, connectTimeoutMs: 500, requestTimeoutMs });
const req = (request_id?: string) => ({ model: "viduq1-text" as const, prompt: "a lighthouse", ...(request_id ? { request_id } : {}) });

const caught = caughtUpstream;

beforeAll(async () => {
  sim = await startSimulator({ keys: [CANARY], render: fakeRender, cacheDir: tempDir("cli-sim"), speed: 1000 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetStats();
  sim.control.set({ noBalance: false, overloaded: false });
  sim.control.advanceTime(10_000_000); // free every slot
});

describe("happy path", () => {
  it("create → poll → SUCCESS with URLs on the simulator's origin", async () => {
    const c = client();
    const task = await c.createVideoTask(req());
    await sim.control.rendersIdle();
    sim.control.advanceTime(1_000);
    const result = await c.getTaskResult(task.id);
    expect(result.task_status).toBe("SUCCESS");
    expect(result.video_result?.[0]?.url.startsWith(sim.url)).toBe(true);
  });
});

describe("create faults: ambiguous only when the task may have landed", () => {
  it("ack lost → ambiguous; the retry with the same request_id → duplicate; one accept", async () => {
    sim.control.inject({ type: "ackLost" });
    const c = client();
    expect((await caught(c.createVideoTask(req("ack-1")))).kind).toBe("ambiguous");
    expect((await caught(c.createVideoTask(req("ack-1")))).kind).toBe("duplicate");
    expect(sim.control.stats().acceptsByRequestId).toEqual({ "ack-1": 1 });
  });

  it("hang before accepting → ambiguous to the client, but the retry succeeds (nothing landed)", async () => {
    sim.control.inject({ type: "hang", target: "create" });
    const c = client(300);
    expect((await caught(c.createVideoTask(req("hang-1")))).kind).toBe("ambiguous");
    expect((await c.createVideoTask(req("hang-1"))).task_status).toBe("PROCESSING");
    expect(sim.control.stats().acceptsByRequestId).toEqual({ "hang-1": 1 });
  });

  it.each(["reset", "truncate", "malformed"] as const)("%s after accepting → the ledger shows the accept", async (type) => {
    sim.control.inject({ type, target: "create" });
    const e = await caught(client().createVideoTask(req(`f-${type}`)));
    expect(e.kind).toBe(type === "malformed" ? "malformed" : "ambiguous");
    expect(sim.control.stats().totalAccepts).toBe(1);
  });

  it("a 5xx burst → retry, nothing accepted", async () => {
    sim.control.inject({ type: "status", status: 500, count: 2, target: "create" });
    const c = client();
    expect((await caught(c.createVideoTask(req()))).kind).toBe("retry");
    expect((await caught(c.createVideoTask(req()))).kind).toBe("retry");
    expect(sim.control.stats().totalAccepts).toBe(0);
  });

  it("account states map to queue / breaker / rejected", async () => {
    const c = client();
    sim.control.set({ concurrency: 0 });
    expect((await caught(c.createVideoTask(req()))).kind).toBe("queue");
    sim.control.set({ concurrency: 5, noBalance: true });
    const broke = await caught(c.createVideoTask(req()));
    expect([broke.kind, broke.httpStatus, broke.code]).toEqual(["breaker", 429, "1113"]);
    sim.control.set({ noBalance: false, overloaded: true });
    expect((await caught(c.createVideoTask(req()))).kind).toBe("retry");
    sim.control.set({ overloaded: false });
    expect((await caught(c.createVideoTask({ model: "viduq1-text", prompt: "UNSAFE" }))).kind).toBe("rejected");
    expect((await caught(c.getTaskResult("20260101000000aaaaaaaaaaaaaaaa"))).kind).toBe("task-missing");
  });
});

describe("query faults", () => {
  it("truncated, reset and hung polls → retry; malformed → malformed; slow within the deadline is fine", async () => {
    const c = client(400);
    const { id } = await c.createVideoTask(req());
    for (const type of ["truncate", "reset", "hang"] as const) {
      sim.control.inject({ type, target: "query" });
      expect((await caught(c.getTaskResult(id))).kind).toBe("retry");
    }
    sim.control.inject({ type: "malformed", target: "query" });
    expect((await caught(c.getTaskResult(id))).kind).toBe("malformed");
    sim.control.inject({ type: "slow", target: "query", chunkBytes: 64, delayMs: 20 });
    expect((await c.getTaskResult(id)).id).toBe(id);
    sim.control.inject({ type: "slow", target: "query", chunkBytes: 4, delayMs: 100 });
    expect((await caught(c.getTaskResult(id))).code).toBe("timeout");
  });
});

describe("redaction", () => {
  it("a wrong canary key never appears in what the client throws", async () => {
    const wrong = `${"feed".repeat(8)}.WrongCanaryKey12`;
    const errors = [await caught(client(1_000, wrong).createVideoTask(req())), await caught(client(1_000, wrong).getTaskResult("x"))];
    for (const e of errors) {
      expect(e.kind).toBe("breaker");
      for (const v of [JSON.stringify(e), inspect(e, { showHidden: true, depth: 10 }), String(e.stack)]) {
        expect(v).not.toContain(wrong);
        expect(v).not.toContain(CANARY);
      }
    }
  });
});
