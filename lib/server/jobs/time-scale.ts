import "server-only";
import { env, usingSimulator } from "@/lib/server/env";

/**
 * How much faster than real time the upstream runs. The built-in simulator compresses generation
 * time by SIMULATOR_SPEED, so the worker's poll schedule, backoffs and the UI's time estimates
 * follow it; against BigModel (or a standalone simulator) WORKER_TIME_SCALE applies (default 1).
 */
export function upstreamTimeScale(): number {
  const e = env();
  return usingSimulator() ? e.SIMULATOR_SPEED : e.WORKER_TIME_SCALE;
}
