import "server-only";

// Exponential backoff with full jitter (AWS architecture blog): delay = random(0, min(cap, base·2^n)).
// Full jitter spreads a burst of retries (30 clips hitting one 5xx) evenly instead of in waves.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** `attempt` counts from 1 (the first retry); `random` in [0,1). */
export function backoffMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * exp);
}

/** Submit retries: 2 s → 60 s, divided by the worker time scale. */
export function submitBackoff(timeScale: number): BackoffPolicy {
  return { baseMs: 2_000 / timeScale, maxMs: 60_000 / timeScale };
}

/** After 1302/1303 a slot frees when some clip finishes: wait longer than for a 5xx. */
export function queueBackoff(timeScale: number): BackoffPolicy {
  return { baseMs: 5_000 / timeScale, maxMs: 60_000 / timeScale };
}

/** Submit attempts (each a POST that may reach the upstream) before a clip is FAILED. */
export const MAX_SUBMIT_ATTEMPTS = 8;
