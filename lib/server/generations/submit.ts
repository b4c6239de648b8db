import "server-only";
import { isUpstreamError, type UpstreamError } from "@/lib/server/bigmodel/upstream-error";
import { logger } from "@/lib/server/logger";
import { noteAccepted, noteQueueRefusal } from "@/lib/server/worker/adaptive-cap";
import { backoffMs, MAX_SUBMIT_ATTEMPTS, queueBackoff, submitBackoff } from "@/lib/server/worker/backoff";
import { readBreaker, recordAccepted, recordBreakerError, type BreakerState } from "@/lib/server/worker/breaker";
import { crashPoint } from "@/lib/server/worker/crash-point";
import type { Job } from "@/lib/server/worker/job";
import { endWithRefund } from "@/lib/server/worker/outcomes";
import { pollPlanFor } from "@/lib/server/worker/poll-plan";
import { charge } from "./ledger";
import { nextPollOffset } from "./poll-schedule";
import { IN_FLIGHT } from "./state-machine";
import { buildUpstreamRequest, InputMissingError } from "./upstream-request";

// The submit step of RELIABILITY §3.3, where double charges are decided. The row is SUBMITTING and
// leased. The POST goes out with request_id = upstreamRequestId and outside any DB transaction;
// the returned task id is stored at once by a fenced update that also writes the CHARGE. A create
// that may have reached the upstream without an answer (ambiguous) leaves the row SUBMITTING and
// is re-sent with the SAME request_id after a lease period: 200 means the first never landed,
// 1231 means it did and its id is lost → ORPHANED (refund + alert).

export type SubmitResult = "accepted" | "finished" | "rescheduled";

/** "create: HTTP 400 code 1301: 系统检测…" → "系统检测…" (what the user sees as the reason). */
function upstreamText(e: UpstreamError): string {
  return e.message.replace(/^create: (HTTP \d+ code [\w-]+: )?/, "") || e.code;
}

export interface SubmitOptions {
  /** This run is the breaker's probe: it may send while the breaker is open. */
  probe: boolean;
  /**
   * The row was already SUBMITTING when claimed (a crashed or ambiguous earlier attempt): the
   * upstream may hold its task, so it must never go back to QUEUED, where a user could cancel it
   * and be refunded for a task we were charged for. It waits in SUBMITTING instead.
   */
  resumed: boolean;
  breaker?: BreakerState;
}

export async function runSubmit(job: Job, opts: SubmitOptions): Promise<SubmitResult> {
  const { db, storage, timeScale, modelCap, breakerProbeMs } = job.deps;
  const row = await job.row();

  const breaker = opts.breaker ?? (await readBreaker(db));
  if (breaker.open && !opts.probe) {
    // Only the probe may talk to the upstream while the account is blocked; the clip keeps waiting.
    await job.move(opts.resumed ? "SUBMITTING" : "QUEUED", { nextRunAt: job.at(breakerProbeMs) }, { release: true });
    return "rescheduled";
  }

  let request;
  try {
    request = await buildUpstreamRequest(db, storage, row);
  } catch (e) {
    if (!(e instanceof InputMissingError)) throw e;
    await endWithRefund(job, "FAILED", "input_missing", e.message);
    return "finished";
  }

  // Pre-send fence: proves the lease is still ours right before money can be spent.
  const attempt = row.attempt + 1;
  await job.move("SUBMITTING", { attempt, submittedAt: row.submittedAt ?? job.now() });
  const { client } = await job.deps.upstream();

  crashPoint("submit.beforeSend");
  let taskId: string;
  try {
    taskId = (await client.createVideoTask(request)).id;
  } catch (e) {
    if (!isUpstreamError(e)) throw e;
    return handleCreateError(job, e, attempt, row.model, opts.resumed ? "SUBMITTING" : "QUEUED");
  }
  crashPoint("submit.afterSend");

  const acceptedAt = job.now();
  const plan = await pollPlanFor(db, row.model, timeScale);
  const first = nextPollOffset(0, plan) ?? 0;
  crashPoint("submit.afterResponse");
  await job.move(
    "PROCESSING",
    { upstreamTaskId: taskId, acceptedAt, nextRunAt: job.at(first, acceptedAt), pollCount: 0, errorCode: null, errorMessage: null },
    { release: true, effect: async (tx, r) => void (await charge(tx, r.id)) },
  );
  logger.info("worker.accepted", { generationId: row.id, model: row.model, attempt, probe: opts.probe });
  await recordAccepted(db, breaker);
  await noteAccepted(db, row.model, modelCap, timeScale);
  return "accepted";
}

async function handleCreateError(
  job: Job,
  e: UpstreamError,
  attempt: number,
  model: string,
  back: "QUEUED" | "SUBMITTING",
): Promise<SubmitResult> {
  const { db, timeScale, modelCap, breakerProbeMs, leaseMs } = job.deps;
  const log = { generationId: job.id, kind: e.kind, code: e.code, httpStatus: e.httpStatus, attempt };
  const transient = { errorCode: e.code, errorMessage: upstreamText(e).slice(0, 500) };
  switch (e.kind) {
    case "queue": {
      const inFlight = await db.generation.count({ where: { model, status: { in: [...IN_FLIGHT] } } });
      await noteQueueRefusal(db, model, modelCap, inFlight);
      logger.warn("worker.submit_queued", log);
      // A refused create was not accepted: it does not use up the retry budget.
      await job.move(back, { ...transient, attempt: attempt - 1, nextRunAt: job.at(backoffMs(2, queueBackoff(timeScale))) }, { release: true });
      return "rescheduled";
    }
    case "breaker":
      await recordBreakerError(db, e.code, upstreamText(e));
      await job.move(back, { ...transient, attempt: attempt - 1, nextRunAt: job.at(breakerProbeMs) }, { release: true });
      return "rescheduled";
    case "rejected":
      logger.info("worker.submit_rejected", log);
      await endWithRefund(job, "REJECTED", e.code, upstreamText(e));
      return "finished";
    case "duplicate":
      logger.error("worker.orphaned", log);
      await endWithRefund(job, "ORPHANED", e.code, "the upstream already has this request_id but its task id was lost", {
        alert: "generation.orphaned",
      });
      return "finished";
    case "ambiguous":
    case "malformed":
      // The upstream may have accepted it: never QUEUED (that would look like "not sent"), never a
      // new request_id. Re-send the same id once a lease period has passed.
      logger.warn("worker.submit_ambiguous", log);
      if (attempt >= MAX_SUBMIT_ATTEMPTS) {
        await endWithRefund(job, "ORPHANED", e.code, "the upstream never confirmed whether it accepted this clip", { alert: "generation.orphaned" });
        return "finished";
      }
      await job.move("SUBMITTING", { ...transient, nextRunAt: job.at(leaseMs) }, { release: true });
      return "rescheduled";
    default:
      // retry (5xx, 1305, connect failures before sending) and anything unexpected.
      logger.warn("worker.submit_retry", log);
      if (attempt >= MAX_SUBMIT_ATTEMPTS) {
        await endWithRefund(job, "FAILED", e.code, `upstream kept failing: ${upstreamText(e)}`);
        return "finished";
      }
      await job.move(back, { ...transient, nextRunAt: job.at(backoffMs(attempt, submitBackoff(timeScale))) }, { release: true });
      return "rescheduled";
  }
}
