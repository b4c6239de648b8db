// Extra worker process: `npm run worker` (node --conditions=react-server --import tsx scripts/worker.ts).
// Any number may run next to `npm start`: they coordinate through the database only. SIGTERM/SIGINT
// stop claiming, let running jobs finish (or give their rows back), then exit.
import { closeUpstream } from "@/lib/server/bigmodel/upstream";
import { db } from "@/lib/server/db";
import { env, usingSimulator } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { startWorker } from "@/lib/server/worker/start-worker";

function main(): void {
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

try {
  main();
} catch (err) {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
