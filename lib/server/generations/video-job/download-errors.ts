import "server-only";
import type { Generation } from "@/lib/generated/sqlite/client";
import { backoffMs, submitBackoff } from "@/lib/server/jobs/backoff";
import { LeaseLostError } from "@/lib/server/jobs/fence";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { MediaToolError } from "@/lib/server/media/media-errors";
import { isSafeFetchError } from "@/lib/server/net/safe-fetch-error";

// How a failed download ends. A dead result link (403/404/410: expired signature, object gone) can't
// be fixed by retrying → EXPIRED with refund and an operator alert. A link our download policy
// refuses is an upstream or configuration problem → FAILED + alert. Network errors, truncated
// bodies, 5xx, ffmpeg hiccups and storage errors are retried with backoff until the download budget
// (measured from successSeenAt) is spent → FAILED with refund. The kind's afterFail removes any
// objects an interrupted attempt stored.

export class InvalidMediaError extends Error {
  override readonly name = "InvalidMediaError";
}

/** Time from SUCCESS within which a download may keep retrying (scaled, with a floor for fast runs). */
function downloadBudgetMs(timeScale: number): number {
  return Math.max(60_000, (30 * 60_000) / timeScale);
}

const DEAD = new Set([403, 404, 410]);

export async function handleDownloadError(ctx: StepContext, row: Generation, e: unknown): Promise<void> {
  if (e instanceof LeaseLostError || ctx.signal.aborted) throw e;
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const log = { generationId: row.id, error: detail };
  if (isSafeFetchError(e)) {
    if (e.code === "http_status" && e.status !== undefined && DEAD.has(e.status)) {
      logger.error("video.result_expired", { ...log, status: e.status });
      await ctx.fail("expired", `the upstream result link answered HTTP ${e.status}`);
      return;
    }
    if (e.code.startsWith("blocked_") || e.code === "too_many_redirects" || e.code === "too_large") {
      logger.error("video.result_refused", { ...log, code: e.code });
      await ctx.fail("download_refused", `the upstream result link was refused by our download policy (${e.code})`);
      return;
    }
  }
  const spent = ctx.now().getTime() - (row.successSeenAt?.getTime() ?? 0) >= downloadBudgetMs(ctx.deps.timeScale);
  const reason = e instanceof InvalidMediaError || (e instanceof MediaToolError && e.reason !== "tool-failed") ? "media_invalid" : "download_failed";
  logger.warn("video.download_retry", { ...log, reason, spent });
  if (spent) {
    await ctx.fail(reason, `the take could not be downloaded and verified: ${detail}`);
    return;
  }
  await ctx.later("download", ctx.at(backoffMs(3, submitBackoff(ctx.deps.timeScale))), { note: { code: reason, message: detail } });
}
