import "server-only";
import { logger } from "@/lib/server/logger";
import { backoffMs, submitBackoff } from "./backoff";
import { LeaseLostError } from "./fence";
import { releaseLease } from "./lease";
import type { StepContext } from "./step-context";

// One claimed job, driven step by step while the runner holds its lease: each step ends with
// exactly one transition (advance → the next step runs now; later/requeue/done/fail → the lease is
// given back). An unexpected error gives the job back with a backoff and counts it; after the kind's
// maxFailures in a row the job ends FAILED(worker_error), so a poisoned job can't loop forever.

const DEFAULT_MAX_FAILURES = 8;

export async function runClaimed(ctx: StepContext): Promise<void> {
  try {
    while (ctx.held) {
      const name = ctx.lease.step;
      const step = ctx.kind.steps[name];
      if (!step) throw new Error(`job kind ${ctx.kind.name} has no step ${JSON.stringify(name)}`);
      const before = ctx.lease.version;
      await step(ctx);
      if (ctx.held && ctx.lease.version === before) throw new Error(`step ${ctx.kind.name}.${name} returned without a transition`);
    }
  } catch (e) {
    if (e instanceof LeaseLostError) {
      logger.warn("jobs.lease_lost", { jobId: ctx.id, kind: ctx.kind.name });
      ctx.held = false;
      return;
    }
    if (ctx.signal.aborted) {
      // Shutdown or a lost heartbeat: hand the job back at once (fenced; a no-op if it isn't ours).
      if (ctx.held) await releaseLease(ctx.deps.db, ctx.lease).catch(() => undefined);
      ctx.held = false;
      return;
    }
    if (!ctx.held) throw e;
    await afterError(ctx, e).catch((err: unknown) => logger.error("jobs.error_handling_failed", { jobId: ctx.id, error: err }));
  }
}

async function afterError(ctx: StepContext, e: unknown): Promise<void> {
  const failures = (await ctx.job()).failures + 1;
  const max = ctx.kind.maxFailures ?? DEFAULT_MAX_FAILURES;
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  logger.error("jobs.step_failed", { jobId: ctx.id, kind: ctx.kind.name, step: ctx.lease.step, failures, error: e });
  if (failures >= max) {
    const text = `step ${ctx.kind.name}.${ctx.lease.step} failed ${failures} times; last: ${message}`;
    await ctx.fail("worker_error", text, {
      effect: async (tx, job) => void (await tx.alert.create({ data: { kind: `job.worker_error`, message: `${job.kind} ${job.subjectId}: ${text}`.slice(0, 500) } })),
    });
    return;
  }
  await ctx.retryAfterError(ctx.at(backoffMs(failures, submitBackoff(ctx.deps.timeScale))), failures, message);
}
