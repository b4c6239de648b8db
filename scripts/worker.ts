// Extra worker process: `npm run worker` (scripts/run-worker.mjs builds this file and what it imports into
// one module, scripts/lib/worker-bundle.mjs, and runs it).
// Any number may run next to `npm start`: they coordinate through the database only. SIGTERM/SIGINT
// stop claiming, let running jobs finish (or give their rows back), then exit.
import { closeUpstream } from "@/lib/server/bigmodel/upstream";
import { db } from "@/lib/server/db";
import { env, usingSimulator } from "@/lib/server/env";
import { probeDatabase, timed } from "@/lib/server/health/health-probes";
import { logger } from "@/lib/server/logger";
import { startWorker } from "@/lib/server/worker/start-worker";

/** How long the start-up check waits for the database's first answer. */
const DB_PROBE_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  env();
  if (usingSimulator()) {
    // The built-in simulator lives inside `npm start`; a second process would start its own,
    // which knows none of the first one's tasks.
    process.stderr.write(
      "npm run worker needs an upstream shared by all processes: set BIGMODEL_API_KEY (BigModel), or run\n" +
        "`npm run simulator` and set BIGMODEL_BASE_URL and BIGMODEL_API_KEY to the URL and demo key it prints.\n",
    );
    process.exit(1);
  }
  // A database this process cannot use at all (unreachable, wrong credentials, a driver compiled for
  // another Node.js) fails the start with its cause rather than a runner that logs and retries every
  // poll forever; the service manager restarts the process (docs/deploy.md, Restart=on-failure).
  // Errors after start-up stay the runner's to retry.
  const probe = await timed(() => probeDatabase(db()), DB_PROBE_TIMEOUT_MS);
  if (probe.error) {
    throw new Error(`the database did not answer: ${probe.error instanceof Error ? probe.error.message : String(probe.error)}`);
  }
  const worker = startWorker();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("worker.signal", { signal });
    void worker
      .stop()
      .then(() => closeUpstream())
      .then(() => db().$disconnect())
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
