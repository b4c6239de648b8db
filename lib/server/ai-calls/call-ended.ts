import "server-only";

// In-process wake-up when a platform call's job wrote its end (answered, failed, or given back): a
// route in the same process waiting for that call (wait-call.ts) reads it again at once instead of at
// its next poll. Waiters in other processes still find it by polling; this is only a latency shortcut,
// like jobs/nudge.ts the other way round.

const KEY = "__framehouseCallEnded";
type Holder = { [KEY]?: Map<string, Set<() => void>> };
const holder = globalThis as unknown as Holder;

function waiters(): Map<string, Set<() => void>> {
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Called after the write that changed the call's status has committed. */
export function signalCallEnded(callId: string): void {
  for (const fn of waiters().get(callId) ?? []) fn();
}

export function onCallEnded(callId: string, fn: () => void): () => void {
  const all = waiters();
  const set = all.get(callId) ?? new Set();
  set.add(fn);
  all.set(callId, set);
  return () => {
    set.delete(fn);
    if (set.size === 0 && all.get(callId) === set) all.delete(callId);
  };
}
