import "server-only";
import type { Generation } from "@/lib/generated/sqlite/client";
import { logger } from "@/lib/server/logger";
import { MediaToolError } from "@/lib/server/media/media-errors";
import { isSafeFetchError } from "@/lib/server/net/safe-fetch-error";
import { clipPrefix } from "@/lib/server/storage";
import { backoffMs, submitBackoff } from "@/lib/server/worker/backoff";
import type { Job } from "@/lib/server/worker/job";
import { endWithRefund } from "@/lib/server/worker/outcomes";
import { LeaseLostError } from "./fenced-update";

// How a failed re-host ends. A dead result URL (403/404/410: expired signature, object gone) can't
// be fixed by retrying → EXPIRED with refund and an operator alert. A URL our SSRF policy refuses
// is an upstream or configuration problem → FAILED + alert. Network errors, truncated bodies,
// 5xx, ffmpeg hiccups and storage errors are retried with backoff until the download budget
// (measured from successSeenAt) is spent → FAILED with refund.

export class InvalidMediaError extends Error {
  override readonly name = "InvalidMediaError";
}

/** Time from SUCCESS within which a download may keep retrying (scaled, with a floor for fast runs). */
export function downloadBudgetMs(timeScale: number): number {
  return Math.max(60_000, (30 * 60_000) / timeScale);
}

const DEAD = new Set([403, 404, 410]);

/** I5: a clip that will never be STORED keeps no objects (a crashed earlier attempt may have put some). */
async function dropObjects(job: Job, id: string): Promise<void> {
  await job.deps.storage.deletePrefix(clipPrefix(id)).catch((err: unknown) => logger.warn("worker.cleanup_failed", { generationId: id, error: err }));
}

export async function handleRehostError(job: Job, row: Generation, e: unknown): Promise<"finished" | "rescheduled"> {
  if (e instanceof LeaseLostError || job.signal.aborted) throw e;
  const log = { generationId: row.id, error: e instanceof Error ? { name: e.name, message: e.message } : String(e) };
  if (isSafeFetchError(e)) {
    if (e.code === "http_status" && e.status !== undefined && DEAD.has(e.status)) {
      logger.error("worker.result_expired", { ...log, status: e.status });
      await endWithRefund(job, "EXPIRED", `http_${e.status}`, "the upstream result link no longer works", { alert: "generation.expired" });
      await dropObjects(job, row.id);
      return "finished";
    }
    if (e.code.startsWith("blocked_") || e.code === "too_many_redirects" || e.code === "too_large") {
      logger.error("worker.result_refused", { ...log, code: e.code });
      await endWithRefund(job, "FAILED", `download_${e.code}`, "the upstream result link was refused by our download policy", {
        alert: "generation.download_refused",
      });
      await dropObjects(job, row.id);
      return "finished";
    }
  }
  const spent = job.now().getTime() - (row.successSeenAt?.getTime() ?? 0) >= downloadBudgetMs(job.deps.timeScale);
  const code = e instanceof InvalidMediaError || (e instanceof MediaToolError && e.reason !== "tool-failed") ? "invalid_media" : "download_failed";
  logger.warn("worker.rehost_retry", { ...log, code, spent });
  if (spent) {
    await endWithRefund(job, "FAILED", code, "the clip could not be downloaded and verified");
    await dropObjects(job, row.id);
    return "finished";
  }
  const delay = backoffMs(3, submitBackoff(job.deps.timeScale));
  await job.move("DOWNLOADING", { errorCode: code, nextRunAt: job.at(delay) }, { release: true });
  return "rescheduled";
}
