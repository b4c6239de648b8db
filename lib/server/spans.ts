import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { env } from "./env";

// Where one request's time goes, for the bench (SERVER_TIMING=1): the route wrapper opens a recorder
// per request (http/route.ts) and code on the way names its steps with span(); the answer carries them
// as a Server-Timing header. Async-local, so a service deep in the call does not take a parameter for
// it; off (the default), span() is a plain call. A span that runs more than once adds up.

type Recorder = Map<string, number>;
const store = new AsyncLocalStorage<Recorder>();

/** Runs `fn` under a fresh recorder when SERVER_TIMING is on; the recorder is null when off. */
export function recordSpans<T>(fn: (recorder: Recorder | null) => Promise<T>): Promise<T> {
  if (!env().SERVER_TIMING) return fn(null);
  const recorder: Recorder = new Map();
  return store.run(recorder, () => fn(recorder));
}

/** Adds `ms` to span `name` of the current request (nothing when not recording). */
export function addSpan(name: string, ms: number): void {
  const recorder = store.getStore();
  if (recorder) recorder.set(name, (recorder.get(name) ?? 0) + ms);
}

/** Times `fn` as span `name` of the current request. */
export async function span<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!store.getStore()) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    addSpan(name, performance.now() - t0);
  }
}

/** The Server-Timing header value: `name;dur=ms` per span, in the order they were first recorded. */
export function serverTimingValue(recorder: Recorder): string {
  return [...recorder].map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(", ");
}
