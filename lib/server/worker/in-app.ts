import "server-only";
import { logger } from "@/lib/server/logger";
import { type RunningWorker, startWorker } from "./start-worker";

// The worker inside the web server process (instrumentation.ts). Kept on globalThis so a dev-mode
// module reload never starts a second one; SIGTERM lets running jobs finish or give their rows back
// before the process exits.

const KEY = "__framehouseInAppWorker";
type Holder = { [KEY]?: RunningWorker };
const holder = globalThis as unknown as Holder;

export function startInAppWorker(): RunningWorker {
  const existing = holder[KEY];
  if (existing) return existing;
  const worker = startWorker();
  holder[KEY] = worker;
  const stop = (signal: NodeJS.Signals) => {
    logger.info("worker.signal", { signal });
    void worker.stop(15_000).finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return worker;
}
