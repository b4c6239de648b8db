import "server-only";
import { LeaseLostError } from "@/lib/server/generations/fenced-update";
import { runPoll } from "@/lib/server/generations/poll";
import { runRehost } from "@/lib/server/generations/rehost";
import { runSubmit } from "@/lib/server/generations/submit";
import { isTerminalStatus } from "@/lib/server/generations/state-machine";
import { logger } from "@/lib/server/logger";
import { backoffMs, submitBackoff } from "./backoff";
import type { BreakerState } from "./breaker";
import type { Job } from "./job";
import { releaseLease } from "./lease";

// One claimed row, taken as far as it can go in this iteration: SUBMITTING → submit;
// PROCESSING → poll, and on SUCCESS straight on to the download; DOWNLOADING → download.
// An unexpected error gives the row back with a backoff so another iteration (or worker) retries.

export async function runJob(job: Job, opts: { probe: boolean; resumed: boolean; breaker?: BreakerState }): Promise<void> {
  try {
    switch (job.lease.status) {
      case "SUBMITTING":
        await runSubmit(job, opts);
        break;
      case "PROCESSING":
        if ((await runPoll(job)) === "downloading") await runRehost(job);
        break;
      case "DOWNLOADING":
        await runRehost(job);
        break;
      default:
        // Claims only return active rows; anything else is released untouched.
        await releaseLease(job.deps.db, job.lease);
        job.held = false;
    }
  } catch (e) {
    if (e instanceof LeaseLostError) {
      logger.warn("worker.lease_lost", { generationId: job.id });
      job.held = false;
      return;
    }
    if (job.signal.aborted) {
      // Shutdown or a lost lease: hand the row back at once (fenced; a no-op if it isn't ours).
      if (job.held) await releaseLease(job.deps.db, job.lease).catch(() => undefined);
      job.held = false;
      return;
    }
    logger.error("worker.job_failed", { generationId: job.id, status: job.lease.status, error: e });
    if (job.held && !isTerminalStatus(job.lease.status)) {
      const delay = backoffMs(3, submitBackoff(job.deps.timeScale));
      await job.move(job.lease.status, { nextRunAt: job.at(delay) }, { release: true }).catch(() => undefined);
    }
  }
}
