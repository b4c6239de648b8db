import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AI_CALL_JOB, aiCallLane } from "@/lib/server/ai-calls/call-job";
import { spentFen } from "@/lib/server/budgets/spend";
import { usageReport } from "@/lib/server/budgets/usage-report";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import { holdCall } from "@/lib/server/ledger/ledger";
import { type RunningWorker } from "@/lib/server/worker/start-worker";
import { type RunningSimulator } from "@/lib/simulator/server";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { waitFor } from "../support/wait-for";
import { type CallWorld, startCallWorld } from "./call-worker-support";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// Prompt help end to end through the real route, the job runner and the simulator over HTTP: the
// ledger holds the upper bound and settles from usage; a budget refusal and bad input never reach the
// upstream; a refused call is refunded; a call that may have landed is never re-sent and keeps its hold.

const YEAR = { start: new Date(0), end: new Date(Date.now() + 86_400_000) };

describe.each(providers())("prompt help on %s", (kind) => {
  let s: Studio;
  let sim: RunningSimulator;
  let worker: RunningWorker;
  let world: CallWorld;
  let me: StudioUser;
  let r: { post: typeof import("@/app/api/prompt-help/route"); get: typeof import("@/app/api/prompt-help/[id]/route") };

  const post = (body: unknown, key: string = randomUUID(), user = me, query = "") =>
    r.post.POST(jsonRequest(`/api/prompt-help${query}`, "POST", body, { cookie: user.cookie, origin: "http://localhost:3000", "idempotency-key": key }));
  const ORDER = ["HOLD", "CHARGE", "REFUND"];
  const ledgerOf = async (callId: string) =>
    (await s.db.ledgerEntry.findMany({ where: { callId }, select: { kind: true, amountFen: true, reason: true } })).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));

  beforeAll(async () => {
    // 1 fen per token, so every amount below is a real number of tokens.
    s = await setupStudio(kind, { PRICE_FEN_PER_1K_CHAT_TOKENS: "1000", PROMPT_HELP_WAIT_MS: "15000" });
    r = { post: await import("@/app/api/prompt-help/route"), get: await import("@/app/api/prompt-help/[id]/route") };
    world = await startCallWorld(s, { name: "ph", chatLatencyMs: 10 });
    ({ sim, worker } = world);
    me = await s.user(`ph-${kind}@example.test`);
  });
  afterAll(async () => {
    await world?.stop();
    await s?.drop();
  });
  beforeEach(() => world.reset());

  it("expand: holds the upper bound, answers a suggestion, settles CHARGE + REFUND from usage", async () => {
    const res = await post({ action: "expand", text: "一只猫在海边" });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { id: string; status: string; suggestion: string; heldFen: number; costFen: number };
    expect(view.status).toBe("done");
    expect(view.suggestion.startsWith("一只猫在海边")).toBe(true);
    const call = await s.db.aiCall.findUniqueOrThrow({ where: { id: view.id } });
    const usage = call.usage as { total_tokens: number };
    expect(view.costFen).toBe(usage.total_tokens);
    expect(view.heldFen).toBeGreaterThan(1024); // max_tokens is part of the bound
    expect(await ledgerOf(view.id)).toEqual([
      { kind: "HOLD", amountFen: view.heldFen, reason: null },
      { kind: "CHARGE", amountFen: view.costFen, reason: null },
      { kind: "REFUND", amountFen: view.heldFen - view.costFen, reason: "settled" },
    ]);
    expect(await spentFen(s.db, { userId: me.id, ...YEAR })).toBe(view.costFen);
    expect(sim.control.stats().chatCompletions).toBe(1);
    // The same key and body answers the same call; nothing is sent again.
    const again = await post({ action: "expand", text: "一只猫在海边" }, call.idemKey);
    expect(((await again.json()) as { id: string }).id).toBe(view.id);
    const other = await post({ action: "rewrite", text: "一只猫在海边" }, call.idemKey);
    expect(other.status).toBe(422);
    expect(sim.control.stats().chatCompletions).toBe(1);
    const got = await r.get.GET(getRequest(me, `/api/prompt-help/${view.id}`), ctx({ id: view.id }));
    expect(((await got.json()) as { suggestion: string }).suggestion).toBe(view.suggestion);
    await s.db.ledgerEntry.deleteMany({ where: { callId: view.id } }); // leave the next tests an empty spend
  });

  it("translate both ways", async () => {
    const toEn = (await (await post({ action: "translate", text: "灯塔在夜晚" })).json()) as { suggestion: string };
    expect(toEn.suggestion).toContain("lighthouse");
    const toZh = (await (await post({ action: "translate", text: "a lighthouse at night" })).json()) as { suggestion: string };
    expect(toZh.suggestion).toContain("灯塔");
  });

  it("a budget that the hold would exceed refuses before anything is written or sent", async () => {
    const before = await s.db.aiCall.count();
    await s.db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: 100 } });
    const res = await post({ action: "expand", text: "a paper boat" });
    expect(res.status).toBe(402);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("budget_instance_daily");
    expect(await s.db.aiCall.count()).toBe(before);
    expect(sim.control.stats().requests.chat).toBe(0);
  });

  it("bad input is refused with its limit before any call", async () => {
    const empty = await post({ action: "expand", text: "   " });
    expect(empty.status).toBe(422);
    const long = await post({ action: "rewrite", text: "长".repeat(2001) });
    expect(long.status).toBe(422);
    expect(((await long.json()) as { error: { fields: { key: string }[] } }).error.fields[0]?.key).toBe("errors.field.prompt_help_too_long");
    expect((await post({ action: "summarize", text: "x" })).status).toBe(422);
    expect(sim.control.stats().requests.chat).toBe(0);
  });

  it("an unsafe text (1301) is refused with a coded error and refunded in full", async () => {
    const res = await post({ action: "expand", text: "UNSAFE idea" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ai_unsafe_content");
    const call = await s.db.aiCall.findFirstOrThrow({ where: { ownerId: me.id, status: "FAILED", errorCode: "unsafe_content" } });
    const rows = await ledgerOf(call.id);
    expect(rows.map((x) => x.kind)).toEqual(["HOLD", "REFUND"]);
    expect(rows[0]!.amountFen).toBe(rows[1]!.amountFen);
  });

  it("a 5xx is retried through the runner (one answer, one settlement)", async () => {
    sim.control.inject({ type: "status", status: 503, target: "chat", count: 2 });
    const res = await post({ action: "rewrite", text: "city street in the rain" });
    expect(res.status).toBe(200);
    expect(sim.control.stats().requests.chat).toBe(3);
    expect(sim.control.stats().chatCompletions).toBe(1);
  });

  it("an answer lost after sending is never re-sent and keeps its hold (may have been billed)", async () => {
    sim.control.inject({ type: "ackLost", target: "chat" });
    const res = await post({ action: "expand", text: "snow on the mountain" });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ai_call_unconfirmed");
    const call = await s.db.aiCall.findFirstOrThrow({ where: { ownerId: me.id, errorCode: "unconfirmed" } });
    expect((await ledgerOf(call.id)).map((x) => [x.kind, x.amountFen])).toEqual([["HOLD", call.costFen]]);
    expect(sim.control.stats().requests.chat).toBe(1);
  });

  it("a call found SENDING after a crash is not sent again: FAILED(unconfirmed), hold kept", async () => {
    const id = await s.db.$transaction(async (tx) => {
      const call = await tx.aiCall.create({
        data: { kind: "CHAT", purpose: "prompt.expand", ownerId: me.id, model: "glm-4-flash-250414", status: "SENDING", attempt: 1, costFen: 1500, request: { model: "glm-4-flash-250414", messages: [{ role: "user", content: "x" }] }, idemKey: randomUUID(), paramsHash: "x" },
        select: { id: true, ownerId: true, teamId: true, costFen: true },
      });
      await holdCall(tx, call);
      await enqueueJob(tx, { kind: AI_CALL_JOB, subjectId: call.id, lane: aiCallLane("CHAT"), step: "send" });
      return call.id;
    });
    worker.nudge();
    await waitFor("the call to end", async () => (await s.db.aiCall.findUniqueOrThrow({ where: { id } })).status === "FAILED", 10_000);
    expect((await s.db.aiCall.findUniqueOrThrow({ where: { id } })).errorCode).toBe("unconfirmed");
    expect((await ledgerOf(id)).map((x) => x.kind)).toEqual(["HOLD"]);
    expect(sim.control.stats().requests.chat).toBe(0);
  });

  it("the usage report shows spend by kind for a team", async () => {
    const team = await s.db.team.create({ data: { name: `ph-${kind}` } });
    await s.db.membership.create({ data: { teamId: team.id, userId: me.id, role: "OWNER" } });
    const res = await post({ action: "expand", text: "coffee" }, randomUUID(), me, `?team=${team.id}`);
    const view = (await res.json()) as { costFen: number };
    expect(res.status).toBe(200);
    const report = await usageReport(s.db, team.id, undefined);
    expect(report.perKind).toEqual([
      { kind: "video", fen: 0 },
      { kind: "chat", fen: view.costFen },
      { kind: "still", fen: 0 },
      { kind: "speech", fen: 0 },
    ]);
    expect(report.team.spentFen).toBe(view.costFen);
  });
});
