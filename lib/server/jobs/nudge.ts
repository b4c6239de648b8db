import "server-only";

// In-process wake-up: the API calls nudgeWorkers() right after queueing a clip, so a worker in the
// same process claims it at once instead of at its next idle DB poll. Workers in other processes
// still find it by polling; this is only a latency shortcut.

const KEY = "__framehouseWorkerNudge";
type Holder = { [KEY]?: Set<() => void> };
const holder = globalThis as unknown as Holder;

function listeners(): Set<() => void> {
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function nudgeWorkers(): void {
  for (const fn of listeners()) fn();
}

export function onNudge(fn: () => void): () => void {
  listeners().add(fn);
  return () => listeners().delete(fn);
}
