import "server-only";
import type { AiCall } from "@/lib/generated/sqlite/client";
import { isUpstreamError, type UpstreamError } from "@/lib/server/bigmodel/upstream-error";
import { backoffMs, MAX_SUBMIT_ATTEMPTS, queueBackoff, submitBackoff } from "@/lib/server/jobs/backoff";
import { readBreaker, recordAccepted, recordBreakerError } from "@/lib/server/jobs/breaker";
import { crashPoint } from "@/lib/server/jobs/crash-point";
import type { JobKind, LaneSpec, Tx } from "@/lib/server/jobs/job-kind";
import { effectiveCap, noteQueueRefusal } from "@/lib/server/jobs/lane-cap";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { refundCall, settleCall } from "@/lib/server/ledger/ledger";
import { logger } from "@/lib/server/logger";
import type { Storage } from "@/lib/server/storage";
import { dropUnrecordedStill, storeStill } from "@/lib/server/ai-calls/still-store";
import { signalCallEnded } from "./call-ended";
import { sendChat } from "./chat-send";
import type { CallOutcome, CallSender } from "./call-sender";
import { recoverSpeech, sendSpeech } from "./speech-send";
import { sendStill } from "./still-send";

// The job of one platform call (chat, still, speech): subjectId = the AiCall id, step "send", and for
// a kind whose answer points at a file (a still's temporary image link) a second step "store".
// Money (ledger.ts): the HOLD of its upper bound was written when it was queued; an answer settles it
// (CHARGE what usage says it cost, REFUND the rest) in the same fenced write that ends the job DONE,
// so a crash can neither lose nor repeat the settlement. A call that was refused before the upstream
// took it is refunded in full by the runner's refund hook.
//
// Never paid twice: right before sending, a fenced write marks the call SENDING. A call found
// SENDING when (re)claimed — the process died, or the answer was lost, after the request may have
// reached the upstream — is never re-sent: it ends FAILED(unconfirmed) and keeps its whole hold
// (the most it can have cost) — unless its kind stored the answer durably before settling (speech:
// the WAV is put under the call's key first), then it settles from what was stored. docs/reliability.md,
// "Platform calls".
//
// A still's answer is only a link: the answer (with its link) is saved and settled, the call DONE, in
// the fenced write that moves the job to "store"; the store step downloads and records the file under
// keys derived from the call id, so a re-run overwrites and never sends the call again. A store that
// fails keeps the settled charge (the platform billed the image) and ends the job FAILED.

export const AI_CALL_JOB = "ai-call";
/** The reason that keeps the hold: the upstream may have billed the call. */
const UNCONFIRMED = "unconfirmed";

const KINDS = ["CHAT", "STILL", "SPEECH"] as const;

/** One lane per kind of call: a busy chat lane must not hold back stills. */
export function aiCallLane(kind: string): string {
  return `bigmodel:${kind.toLowerCase()}`;
}

const LANES: readonly LaneSpec[] = KINDS.map((kind) => ({
  name: aiCallLane(kind),
  upstream: true,
  cap: (deps) => effectiveCap(deps.db, aiCallLane(kind), deps.modelCap, deps.timeScale),
}));

/** How each kind is sent; a kind without a sender ends FAILED(unsupported) and is refunded. */
const SENDERS: Partial<Record<(typeof KINDS)[number], CallSender>> = { CHAT: sendChat, STILL: sendStill, SPEECH: sendSpeech };

/** Kinds whose answer is a link to a file to re-host: their job goes on to the "store" step. */
const STORERS: Partial<Record<(typeof KINDS)[number], (ctx: StepContext, call: AiCall) => Promise<void>>> = { STILL: storeStill };

/**
 * A kind whose answer is stored before it is settled can finish a call found SENDING from what it
 * stored (null: nothing stored, so the usual unconfirmed end).
 */
const RECOVER: Partial<Record<(typeof KINDS)[number], (call: AiCall, store: Storage) => Promise<CallOutcome | null>>> = { SPEECH: recoverSpeech };

function reasonOfRefusal(code: string): string {
  if (code === "1301") return "unsafe_content";
  if (code === "1261") return "input_too_long";
  return "invalid_params";
}

const setStatus = (id: string, status: "QUEUED" | "SENDING", attempt?: number) => async (tx: Tx) =>
  void (await tx.aiCall.update({ where: { id }, data: { status, ...(attempt === undefined ? {} : { attempt }) } }));

async function sendStep(ctx: StepContext): Promise<void> {
  const { db } = ctx.deps;
  const call = await db.aiCall.findUniqueOrThrow({ where: { id: ctx.lease.subjectId } });
  if (call.status === "SENDING") {
    const recovered = await RECOVER[call.kind]?.(call, ctx.deps.storage);
    if (recovered) {
      await settle(ctx, call, recovered);
      logger.info("ai_call.recovered", { callId: call.id, kind: call.kind, costFen: recovered.costFen });
      return;
    }
    await ctx.fail(UNCONFIRMED, "an earlier attempt may have reached the upstream before its answer was stored; not re-sent, the hold is kept");
    return;
  }
  const sender = SENDERS[call.kind];
  if (!sender) {
    await ctx.fail("unsupported", `no sender for ${call.kind} calls`);
    return;
  }
  const breaker = ctx.claim.breaker ?? (await readBreaker(db));
  if (breaker.open && !ctx.claim.probe) {
    await ctx.requeue(ctx.at(ctx.deps.breakerProbeMs));
    return;
  }
  const attempt = call.attempt + 1;
  // Pre-send fence: proves the lease is ours right before money can be spent, and marks the call SENDING.
  await ctx.advance("send", { effect: setStatus(call.id, "SENDING", attempt) });
  crashPoint("call.beforeSend", call.id);
  let outcome;
  try {
    outcome = await sender(await ctx.deps.upstream(), call, ctx.deps.storage);
  } catch (e) {
    if (!isUpstreamError(e)) throw e;
    await handleError(ctx, { id: call.id, lane: aiCallLane(call.kind) }, e, attempt);
    return;
  }
  crashPoint("call.afterAnswer", call.id);
  await settle(ctx, call, outcome);
  logger.info("ai_call.answered", { callId: call.id, kind: call.kind, attempt, costFen: outcome.costFen });
  await recordAccepted(db, breaker);
}

/**
 * The answer, CHARGE and REFUND in one fenced write that ends the job DONE — or, for a kind whose
 * answer is a link to re-host (a still), moves it on to the "store" step.
 */
async function settle(ctx: StepContext, call: AiCall, outcome: CallOutcome): Promise<void> {
  const effect = async (tx: Tx) => {
    const charged = await settleCall(tx, call.id, outcome.costFen);
    await tx.aiCall.update({
      where: { id: call.id },
      data: { status: "DONE", answer: outcome.answer, usage: outcome.usage, settledFen: charged, finishedAt: new Date(), errorCode: null, errorMessage: null },
    });
  };
  if (STORERS[call.kind]) await ctx.advance("store", { effect });
  else await ctx.done({ effect });
}

async function handleError(ctx: StepContext, { id: callId, lane }: { id: string; lane: string }, e: UpstreamError, attempt: number): Promise<void> {
  const { db, timeScale, modelCap, breakerProbeMs } = ctx.deps;
  const note = { code: e.code, message: e.message };
  const back = setStatus(callId, "QUEUED");
  logger.warn("ai_call.error", { callId, kind: e.kind, code: e.code, httpStatus: e.httpStatus, attempt });
  switch (e.kind) {
    case "rejected":
      await ctx.fail(reasonOfRefusal(e.code), `${e.code}: ${e.message}`);
      return;
    case "breaker":
      await recordBreakerError(db, e.code, e.message);
      await ctx.requeue(ctx.at(breakerProbeMs), { note, effect: back });
      return;
    case "ambiguous":
    case "malformed":
      // Bytes reached the upstream and no usable answer came back: it may be billed. Never re-sent.
      await ctx.fail(UNCONFIRMED, `${e.code}: ${e.message}`);
      return;
    case "queue":
    case "retry": {
      if (attempt >= MAX_SUBMIT_ATTEMPTS) {
        await ctx.fail("upstream_failed", `the upstream kept refusing: ${e.code}: ${e.message}`);
        return;
      }
      if (e.kind === "queue") {
        await noteQueueRefusal(db, lane, modelCap, await db.job.count({ where: { lane, inLane: true } }));
      }
      const wait = Math.max(backoffMs(attempt, e.kind === "queue" ? queueBackoff(timeScale) : submitBackoff(timeScale)), e.retryAfterMs ?? 0);
      await ctx.requeue(ctx.at(wait), { note, effect: back });
      return;
    }
    default:
      await ctx.fail("upstream_failed", `${e.code}: ${e.message}`);
  }
}

/** The send step, then a wake-up for a route of this process waiting for the call (its end is committed by then). */
async function sendAndSignal(ctx: StepContext): Promise<void> {
  try {
    await sendStep(ctx);
  } finally {
    signalCallEnded(ctx.lease.subjectId);
  }
}

/** Re-hosts what a settled call's answer points at (never sends anything). */
async function storeStep(ctx: StepContext): Promise<void> {
  const call = await ctx.deps.db.aiCall.findUniqueOrThrow({ where: { id: ctx.lease.subjectId } });
  const storer = STORERS[call.kind];
  if (!storer || call.status !== "DONE") {
    await ctx.done();
    return;
  }
  await storer(ctx, call);
}

export const aiCallJob: JobKind = {
  name: AI_CALL_JOB,
  lanes: LANES,
  steps: { send: sendAndSignal, store: storeStep },
  holdsLane: (step) => step === "send",
  ledger: {
    // A call's CHARGE is written with its settlement (sendStep), never on its own.
    charge: async () => undefined,
    refund: async (tx, job, reason) => {
      if (reason === UNCONFIRMED) return;
      // Settled (answered, then its file could not be stored): the platform billed it; the charge stays.
      const call = await tx.aiCall.findUnique({ where: { id: job.subjectId }, select: { settledFen: true } });
      if (call?.settledFen != null) return;
      await refundCall(tx, job.subjectId, reason);
    },
  },
  async afterFail(deps, job) {
    const call = await deps.db.aiCall.findUnique({ where: { id: job.subjectId }, select: { kind: true } });
    if (call?.kind === "STILL") await dropUnrecordedStill(deps, job.subjectId);
  },
  async ended(tx, job, end) {
    await tx.aiCall.update({
      where: { id: job.subjectId },
      data: { status: end.status, errorCode: end.code, errorMessage: end.message.slice(0, 500), finishedAt: new Date() },
    });
  },
};
