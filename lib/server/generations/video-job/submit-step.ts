import "server-only";
import type { Generation } from "@/lib/generated/sqlite/client";
import { isUpstreamError, type UpstreamError } from "@/lib/server/bigmodel/upstream-error";
import { backoffMs, MAX_SUBMIT_ATTEMPTS, queueBackoff, submitBackoff } from "@/lib/server/jobs/backoff";
import { readBreaker, recordAccepted, recordBreakerError } from "@/lib/server/jobs/breaker";
import { crashPoint } from "@/lib/server/jobs/crash-point";
import { noteAccepted, noteQueueRefusal } from "@/lib/server/jobs/lane-cap";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { knownRepeatBehaviour } from "@/lib/server/bigmodel/upstream-facts-store";
import type { FailureReason } from "@/lib/shared/generation-lifecycle";
import { resendIsSafe } from "@/lib/shared/upstream/upstream-facts";
import { videoLane } from "./lanes";
import { pollPlanFor } from "./poll-plan";
import { nextPollOffset } from "./poll-schedule";
import { holdTake } from "./held-step";
import { writeTakeStatus } from "./take-status";
import { buildUpstreamRequest, InputMissingError } from "./upstream-request";

// The submit step, where double charges are decided. The job holds a slot of the model's lane.
// The create goes out with request_id = the take's upstreamRequestId, fixed at creation, and
// outside any database transaction; the returned task id is stored at once by a fenced write that
// also writes the CHARGE. What happens to a create that may have reached the upstream without an
// answer (ambiguous, or a take found SUBMITTING after a crash) depends on what is KNOWN about
// repeated request_ids (upstream:check, lib/server/bigmodel/upstream-facts-store.ts):
// - refused or same: re-send with the SAME request_id after a lease period. Accepted means the first
//   never landed (or, "same", is that task); "duplicate request" means it did and its task id is lost
//   → ORPHANED (refund + alert).
// - unknown or accepted: never re-send (a repeat could be a second paid task). The take is HELD for
//   an admin, keeping its hold (held-step.ts). docs/reliability.md, "No double charge".

/** "create: HTTP 400 code 1301: 系统检测…" → "1301: 系统检测…" (operators read it; users see the reason). */
function upstreamText(e: UpstreamError): string {
  return `${e.code}: ${e.message.replace(/^create: (HTTP \d+ code [\w-]+: )?/, "")}`;
}

/** The take's reason for a create the upstream refused for its content or parameters. */
function rejectionReason(code: string): FailureReason {
  if (code === "1301") return "unsafe_content";
  if (code === "1261") return "prompt_too_long";
  return "invalid_params";
}

const take = (ctx: StepContext) => ctx.deps.db.generation.findUniqueOrThrow({ where: { id: ctx.lease.subjectId } });

/** May an ambiguous create be re-sent with its request_id? Only when a repeat is known not to bill twice. */
async function mayResend(ctx: StepContext): Promise<boolean> {
  const upstream = await ctx.deps.upstream();
  return resendIsSafe(upstream.repeatBehaviour?.() ?? (await knownRepeatBehaviour(ctx.deps.db)));
}

export async function submitStep(ctx: StepContext): Promise<void> {
  const { db, storage, breakerProbeMs } = ctx.deps;
  const row = await take(ctx);
  // SUBMITTING when claimed: an earlier attempt passed the pre-send fence, so the upstream may hold
  // its task. Such a take never goes back to QUEUED, where a user could cancel it and be refunded
  // for a task we were charged for; it waits in SUBMITTING instead.
  const sent = row.status === "SUBMITTING";
  if (sent && !(await mayResend(ctx))) {
    await holdTake(ctx, row, { code: "unconfirmed", message: "an earlier create of this take may have reached the upstream (interrupted before its answer was stored)" });
    return;
  }

  const breaker = ctx.claim.breaker ?? (await readBreaker(db));
  if (breaker.open && !ctx.claim.probe) {
    // Only the probe may talk to the upstream while the account is blocked; the take keeps waiting.
    const at = ctx.at(breakerProbeMs);
    await (sent ? ctx.later("submit", at) : ctx.requeue(at));
    return;
  }

  let request;
  try {
    request = await buildUpstreamRequest(db, storage, row);
  } catch (e) {
    if (!(e instanceof InputMissingError)) throw e;
    await ctx.fail("input_missing", e.message);
    return;
  }

  // Pre-send fence: proves the lease is still ours right before money can be spent.
  const attempt = row.attempt + 1;
  await ctx.advance("submit", {
    effect: (tx) => writeTakeStatus(tx, row.id, "SUBMITTING", { attempt, submittedAt: row.submittedAt ?? ctx.now() }),
  });
  const { client } = await ctx.deps.upstream();

  crashPoint("submit.beforeSend", ctx.lease.subjectId);
  let taskId: string;
  try {
    taskId = (await client.createVideoTask(request)).id;
  } catch (e) {
    if (!isUpstreamError(e)) throw e;
    await handleCreateError(ctx, row, e, attempt, sent);
    return;
  }
  crashPoint("submit.afterSend", ctx.lease.subjectId);

  const acceptedAt = ctx.now();
  const plan = await pollPlanFor(db, row.model, ctx.deps.timeScale);
  const first = nextPollOffset(0, plan) ?? 0;
  crashPoint("submit.afterResponse", ctx.lease.subjectId);
  await ctx.later("poll", ctx.at(first, acceptedAt), {
    charge: true,
    effect: (tx) => writeTakeStatus(tx, row.id, "PROCESSING", { upstreamTaskId: taskId, acceptedAt, pollCount: 0 }),
  });
  logger.info("video.accepted", { generationId: row.id, model: row.model, attempt, probe: ctx.claim.probe });
  await recordAccepted(db, breaker);
  await noteAccepted(db, videoLane(row.model), ctx.deps.modelCap, ctx.deps.timeScale);
}

/**
 * A create that was refused before the upstream accepted it waits for another try: in the queue when
 * nothing was sent by an earlier attempt, in SUBMITTING (same request_id) when something may have been.
 * It does not use up an attempt.
 */
async function waitAndRetry(ctx: StepContext, row: Generation, attempt: number, sent: boolean, at: Date, note: { code: string; message: string }): Promise<void> {
  if (sent) {
    await ctx.later("submit", at, { note, effect: (tx) => writeTakeStatus(tx, row.id, "SUBMITTING", { attempt: attempt - 1 }) });
  } else {
    await ctx.requeue(at, { note, effect: (tx) => writeTakeStatus(tx, row.id, "QUEUED", { attempt: attempt - 1 }) });
  }
}

async function handleCreateError(ctx: StepContext, row: Generation, e: UpstreamError, attempt: number, sent: boolean): Promise<void> {
  const { db, timeScale, modelCap, breakerProbeMs, leaseMs } = ctx.deps;
  const log = { generationId: row.id, kind: e.kind, code: e.code, httpStatus: e.httpStatus, attempt };
  const note = { code: e.code, message: upstreamText(e) };
  switch (e.kind) {
    case "queue": {
      const lane = videoLane(row.model);
      const inFlight = await db.job.count({ where: { lane, inLane: true } });
      await noteQueueRefusal(db, lane, modelCap, inFlight);
      logger.warn("video.submit_queued", log);
      await waitAndRetry(ctx, row, attempt, sent, ctx.at(Math.max(backoffMs(2, queueBackoff(timeScale)), e.retryAfterMs ?? 0)), note);
      return;
    }
    case "breaker":
      await recordBreakerError(db, e.code, upstreamText(e));
      await waitAndRetry(ctx, row, attempt, sent, ctx.at(breakerProbeMs), note);
      return;
    case "rejected":
      logger.info("video.submit_rejected", log);
      await ctx.fail(rejectionReason(e.code), upstreamText(e));
      return;
    case "duplicate":
      logger.error("video.orphaned", log);
      await ctx.fail("orphaned", `the upstream already has this request_id but its task id was lost (${upstreamText(e)})`);
      return;
    case "ambiguous":
    case "malformed":
      // The upstream may have accepted it: never QUEUED (that would look like "not sent"), never a
      // new request_id. Re-send the same id once a lease period has passed, if that is known to be safe.
      logger.warn("video.submit_ambiguous", log);
      if (!(await mayResend(ctx))) {
        await holdTake(ctx, row, note);
        return;
      }
      if (attempt >= MAX_SUBMIT_ATTEMPTS) {
        await ctx.fail("orphaned", `the upstream never confirmed whether it accepted this take (${upstreamText(e)})`);
        return;
      }
      await ctx.later("submit", ctx.at(leaseMs), { note });
      return;
    default: {
      // retry (5xx, overload, connect failures before sending) and anything unexpected.
      logger.warn("video.submit_retry", log);
      if (attempt >= MAX_SUBMIT_ATTEMPTS) {
        await ctx.fail("upstream_failed", `the upstream kept failing: ${upstreamText(e)}`);
        return;
      }
      // Retry-After, when the upstream sent one, is a floor under our own backoff.
      const wait = Math.max(backoffMs(attempt, submitBackoff(timeScale)), e.retryAfterMs ?? 0);
      if (sent) await ctx.later("submit", ctx.at(wait), { note });
      else await ctx.requeue(ctx.at(wait), { note, effect: (tx) => writeTakeStatus(tx, row.id, "QUEUED") });
    }
  }
}
