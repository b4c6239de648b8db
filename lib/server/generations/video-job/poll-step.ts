import "server-only";
import { isUpstreamError } from "@/lib/server/bigmodel/upstream-error";
import { backoffMs, submitBackoff } from "@/lib/server/jobs/backoff";
import { crashPoint } from "@/lib/server/jobs/crash-point";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { pollPlanFor } from "./poll-plan";
import { ceilingMs, nextPollOffset } from "./poll-schedule";
import { writeTakeStatus } from "./take-status";

// The poll step: one GET /async-result per claim, scheduled by poll-schedule.ts from acceptedAt.
// SUCCESS moves the take to DOWNLOADING (successSeenAt) and the runner goes straight on to the
// download step with the same lease. Transient poll errors are retried with backoff; the ceiling
// (15 min from acceptance, scaled) bounds everything → FAILED(timeout) with refund.

export async function pollStep(ctx: StepContext): Promise<void> {
  const { db, timeScale } = ctx.deps;
  const row = await db.generation.findUniqueOrThrow({ where: { id: ctx.lease.subjectId } });
  if (!row.upstreamTaskId || !row.acceptedAt) {
    await ctx.fail("inconsistent", "a processing take without an upstream task id");
    return;
  }
  const acceptedAt = row.acceptedAt;
  const { client } = await ctx.deps.upstream();
  const elapsed = () => ctx.now().getTime() - acceptedAt.getTime();
  const timeout = () => ctx.fail("timeout", "the upstream did not finish the take within its time limit");
  const counted = (tx: Parameters<typeof writeTakeStatus>[0]) => writeTakeStatus(tx, row.id, "PROCESSING", { pollCount: { increment: 1 } });

  let result;
  try {
    result = await client.getTaskResult(row.upstreamTaskId);
  } catch (e) {
    if (!isUpstreamError(e)) throw e;
    const log = { generationId: row.id, kind: e.kind, code: e.code, httpStatus: e.httpStatus };
    if (e.kind === "task-missing") {
      logger.error("video.poll_task_missing", log);
      await ctx.fail("task_missing", `the upstream no longer knows task ${row.upstreamTaskId} (${e.code})`);
      return;
    }
    logger.warn("video.poll_error", log);
    if (elapsed() >= ceilingMs(timeScale)) return timeout();
    const wait = Math.max(backoffMs(2, submitBackoff(timeScale)), e.retryAfterMs ?? 0); // Retry-After is a floor
    await ctx.later("poll", ctx.at(wait), { note: { code: e.code, message: e.message }, effect: counted });
    return;
  }

  if (result.task_status === "FAIL") {
    await ctx.fail("upstream_failed", "the upstream reported the task as FAIL");
    return;
  }
  const video = result.video_result?.[0];
  if (result.task_status === "SUCCESS" && video) {
    await ctx.advance("download", {
      effect: (tx) =>
        writeTakeStatus(tx, row.id, "DOWNLOADING", {
          successSeenAt: ctx.now(),
          resultUrl: video.url,
          coverUrl: video.cover_image_url ?? null,
          pollCount: { increment: 1 },
        }),
    });
    crashPoint("poll.afterSuccess", ctx.lease.subjectId);
    return;
  }

  const plan = await pollPlanFor(db, row.model, timeScale);
  const next = nextPollOffset(elapsed(), plan);
  if (next === null) return timeout();
  await ctx.later("poll", ctx.at(next, acceptedAt), { effect: counted });
}
