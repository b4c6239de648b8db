import "server-only";
import { isUpstreamError } from "@/lib/server/bigmodel/upstream-error";
import { logger } from "@/lib/server/logger";
import { backoffMs, submitBackoff } from "@/lib/server/worker/backoff";
import { crashPoint } from "@/lib/server/worker/crash-point";
import type { Job } from "@/lib/server/worker/job";
import { endWithRefund } from "@/lib/server/worker/outcomes";
import { pollPlanFor } from "@/lib/server/worker/poll-plan";
import { ceilingMs, nextPollOffset } from "./poll-schedule";

// The poll step: one GET /async-result per claim, scheduled by poll-schedule.ts from acceptedAt.
// SUCCESS moves the row to DOWNLOADING at once (successSeenAt) and the caller continues with the
// download in the same iteration, keeping the lease. Transient poll errors are retried with
// backoff; the 15 min ceiling (from acceptance) bounds everything → FAILED(timeout) with refund.

export type PollResult = "downloading" | "finished" | "rescheduled";

export async function runPoll(job: Job): Promise<PollResult> {
  const { db, timeScale } = job.deps;
  const row = await job.row();
  if (!row.upstreamTaskId || !row.acceptedAt) {
    await endWithRefund(job, "FAILED", "task_id_missing", "processing clip without an upstream task id", { alert: "generation.inconsistent" });
    return "finished";
  }
  const { client } = await job.deps.upstream();
  const elapsed = () => job.now().getTime() - (row.acceptedAt?.getTime() ?? 0);
  const timeout = async () => {
    await endWithRefund(job, "FAILED", "timeout", "the upstream did not finish the clip within 15 minutes");
    return "finished" as const;
  };

  let result;
  try {
    result = await client.getTaskResult(row.upstreamTaskId);
  } catch (e) {
    if (!isUpstreamError(e)) throw e;
    const log = { generationId: row.id, kind: e.kind, code: e.code, httpStatus: e.httpStatus };
    if (e.kind === "task-missing") {
      logger.error("worker.poll_task_missing", log);
      await endWithRefund(job, "FAILED", e.code, "the upstream no longer knows this task", { alert: "generation.task_missing" });
      return "finished";
    }
    logger.warn("worker.poll_error", log);
    if (elapsed() >= ceilingMs(timeScale)) return timeout();
    const delay = backoffMs(2, submitBackoff(timeScale));
    await job.move("PROCESSING", { pollCount: { increment: 1 }, nextRunAt: job.at(delay) }, { release: true });
    return "rescheduled";
  }

  if (result.task_status === "FAIL") {
    await endWithRefund(job, "FAILED", "upstream_fail", "the upstream could not generate this clip");
    return "finished";
  }
  const video = result.video_result?.[0];
  if (result.task_status === "SUCCESS" && video) {
    await job.move("DOWNLOADING", {
      successSeenAt: job.now(),
      resultUrl: video.url,
      coverUrl: video.cover_image_url ?? null,
      pollCount: { increment: 1 },
      nextRunAt: job.now(),
      errorCode: null,
      errorMessage: null,
    });
    crashPoint("poll.afterSuccess");
    return "downloading";
  }

  const plan = await pollPlanFor(db, row.model, timeScale);
  const next = nextPollOffset(elapsed(), plan);
  if (next === null) return timeout();
  await job.move("PROCESSING", { pollCount: { increment: 1 }, nextRunAt: job.at(next, row.acceptedAt) }, { release: true });
  return "rescheduled";
}
