import "server-only";
import { logger } from "@/lib/server/logger";
import { type CollectDeps, collectUploads } from "@/lib/server/uploads/collect-uploads";

// Runs the upload collector (lib/server/uploads/collect-uploads.ts) in every worker process: once at
// start (which also finishes a pass a crash interrupted) and then every COLLECT_EVERY_MS. A periodic
// sweep, not a job kind: the runner's jobs are one per (kind, subject) and are enqueued by whoever
// creates the subject, while "no longer used" is not an event anything enqueues (a take's deletion,
// a grace period running out). Several workers may sweep at once: each step is a conditional write,
// so they agree (docs/architecture.md, "The upload collector").

const COLLECT_EVERY_MS = 10 * 60 * 1000;

/** Starts the periodic pass; the returned function stops it, waiting for a pass in progress. */
export function startUploadCollector(deps: CollectDeps, graceMs: number): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    running = collectUploads(deps, graceMs)
      .then((deleted) => {
        if (deleted > 0) logger.info("uploads.collected", { deleted });
      })
      .catch((err: unknown) => logger.warn("uploads.collect_failed", { error: err }))
      .finally(() => {
        if (!stopped) timer = setTimeout(pass, COLLECT_EVERY_MS).unref();
      });
  };
  pass();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
