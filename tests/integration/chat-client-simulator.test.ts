import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createChatClient } from "@/lib/server/bigmodel/chat";
import { UpstreamError } from "@/lib/server/bigmodel/upstream-error";
import { DEFAULT_CHAT_MODEL } from "@/lib/shared/upstream/chat-schemas";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { caughtUpstream } from "@/tests/support/caught-upstream";
import { fakeRender, tempDir } from "@/tests/support/simulator-fixtures";

// Chat completions over real HTTP: the client against the simulator (docs/upstream.md §8) — shapes,
// JSON mode, usage, the platform's codes for bad input and account states, the concurrency cap, and
// the key never appearing in an error.

const CANARY = `${"c0ffee00".repeat(4)}.CanarySecretKey9`;
let sim: RunningSimulator;
const chat = (apiKey = CANARY, requestTimeoutMs = 2_000) => createChatClient({ baseUrl: sim.baseUrl, apiKey, connectTimeoutMs: 500, requestTimeoutMs });
const ask = (system: string, user: string, extra: Record<string, unknown> = {}) => ({
  model: DEFAULT_CHAT_MODEL,
  messages: [
    { role: "system" as const, content: system },
    { role: "user" as const, content: user },
  ],
  max_tokens: 512,
  response_format: { type: "json_object" as const },
  ...extra,
});

const caught = caughtUpstream;

async function raw(body: unknown, auth = `Bearer ${CANARY}`): Promise<{ status: number; json: { error?: { code: string; message: string } } }> {
  const res = await fetch(`${sim.baseUrl}/chat/completions`, { method: "POST", headers: { Authorization: auth, "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { error?: { code: string; message: string } } };
}

beforeAll(async () => {
  sim = await startSimulator({ keys: [CANARY], render: fakeRender, cacheDir: tempDir("chat-sim"), speed: 1, chatLatencyMs: 20 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetStats();
  sim.control.set({ noBalance: false, overloaded: false, concurrency: 5, speed: 1 });
});

describe("chat completions contract", () => {
  it("JSON mode answers one JSON object derived from the prompt, with usage", async () => {
    const res = await chat().complete(ask("Task: expand the user's idea into a richer video prompt. Answer JSON {\"text\": string}.", "一只猫在海边"));
    const choice = res.choices[0]!;
    expect(choice.finish_reason).toBe("stop");
    const parsed = JSON.parse(choice.message.content ?? "") as { text: string };
    expect(parsed.text.startsWith("一只猫在海边")).toBe(true);
    expect(parsed.text.length).toBeGreaterThan("一只猫在海边".length);
    expect(res.usage.total_tokens).toBe(res.usage.prompt_tokens + res.usage.completion_tokens);
    expect(res.usage.prompt_tokens).toBeGreaterThan(6);
    expect(sim.control.stats().chatCompletions).toBe(1);
  });

  it("is deterministic: the same messages give the same answer", async () => {
    const a = await chat().complete(ask("Task: translate into English.", "灯塔在夜晚"));
    const b = await chat().complete(ask("Task: translate into English.", "灯塔在夜晚"));
    expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
    expect(JSON.parse(a.choices[0]!.message.content ?? "")).toEqual({ text: expect.stringContaining("lighthouse") });
  });

  it("rewrite stays within Vidu's 512 characters", async () => {
    const long = "海浪拍打礁石，".repeat(150);
    const res = await chat().complete(ask("Task: rewrite for a Vidu video prompt within 512 characters.", long, { max_tokens: 1024 }));
    const text = (JSON.parse(res.choices[0]!.message.content ?? "") as { text: string }).text;
    expect([...text].length).toBeLessThanOrEqual(512);
  });

  it("cuts an answer longer than max_tokens with finish_reason length", async () => {
    const res = await chat().complete(ask("Task: expand.", "a lighthouse at night in the rain", { max_tokens: 5 }));
    expect(res.choices[0]!.finish_reason).toBe("length");
    expect(res.usage.completion_tokens).toBeLessThanOrEqual(5);
  });

  it("answers the platform's codes for bad input", async () => {
    expect((await raw("{not json")).json.error?.code).toBe("1210");
    expect((await raw({ messages: [{ role: "user", content: "x" }] })).json.error?.code).toBe("1213");
    expect((await raw({ model: "gpt-4", messages: [{ role: "user", content: "x" }] })).json.error?.code).toBe("1211");
    expect((await raw({ model: DEFAULT_CHAT_MODEL })).json.error?.code).toBe("1213");
    const empty = await raw({ model: DEFAULT_CHAT_MODEL, messages: [] });
    expect([empty.status, empty.json.error?.code]).toEqual([400, "1214"]);
    expect((await raw({ model: DEFAULT_CHAT_MODEL, messages: [{ role: "robot", content: "x" }] })).json.error?.code).toBe("1214");
    expect((await raw({ model: DEFAULT_CHAT_MODEL, messages: [{ role: "user", content: "x" }], max_tokens: 0 })).json.error?.code).toBe("1214");
    expect((await raw({ model: DEFAULT_CHAT_MODEL, messages: [{ role: "user", content: "x".repeat(128_001) }] })).json.error?.code).toBe("1261");
    expect((await raw({ model: DEFAULT_CHAT_MODEL, messages: [{ role: "user", content: "x" }] }, "")).json.error?.code).toBe("1001");
    expect(sim.control.stats().chatCompletions).toBe(0);
  });

  it("classifies account states and content refusals like video creates", async () => {
    sim.control.set({ noBalance: true });
    const broke = await caught(chat().complete(ask("Task: expand.", "x")));
    expect([broke.httpStatus, broke.code, broke.kind, broke.operation]).toEqual([429, "1113", "breaker", "chat"]);
    sim.control.set({ noBalance: false });
    const unsafe = await caught(chat().complete(ask("Task: expand.", "UNSAFE idea")));
    expect([unsafe.code, unsafe.kind]).toEqual(["1301", "rejected"]);
    const wrongKey = await caught(chat(`${"ab".repeat(16)}.WrongSecret`).complete(ask("Task: expand.", "x")));
    expect(wrongKey.code).toBe("401");
    expect(inspect(wrongKey)).not.toContain("WrongSecret");
  });

  it("refuses chats over the per-key concurrency cap with 1302 (queue)", async () => {
    sim.control.set({ concurrency: 1, speed: 0.05 }); // 400 ms per answer
    const results = await Promise.allSettled([chat().complete(ask("Task: expand.", "a")), chat().complete(ask("Task: expand.", "b"))]);
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as UpstreamError);
    expect(refused.map((e) => [e.code, e.kind])).toEqual([["1302", "queue"]]);
    expect(sim.control.stats().peakInFlight[DEFAULT_CHAT_MODEL]).toBe(1);
  });

  it("a reply lost after sending is ambiguous (it may be billed); a scripted 5xx is retryable", async () => {
    sim.control.inject({ type: "ackLost", target: "chat" });
    expect((await caught(chat().complete(ask("Task: expand.", "x")))).kind).toBe("ambiguous");
    sim.control.inject({ type: "status", status: 503, target: "chat" });
    expect((await caught(chat().complete(ask("Task: expand.", "x")))).kind).toBe("retry");
    sim.control.inject({ type: "malformed", target: "chat" });
    expect((await caught(chat().complete(ask("Task: expand.", "x")))).kind).toBe("malformed");
  });

  it("refuses an off-contract request before sending", async () => {
    const e = await caught(chat().complete({ model: DEFAULT_CHAT_MODEL, messages: [] }));
    expect([e.code, e.kind]).toEqual(["invalid-request", "rejected"]);
    expect(sim.control.stats().requests.chat).toBe(0);
  });
});
