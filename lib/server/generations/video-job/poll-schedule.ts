import "server-only";

// Adaptive poll schedule: sparse while the clip can't be ready, dense around the
// expected completion, then backing off for late clips, with a hard ceiling. A pure function of the
// time since the upstream accepted the task, so a restarted or different worker continues the same
// schedule from acceptedAt (no per-row schedule state).
//
// With E = expected duration and S = its spread (both learned from recent clips of the model):
//   one early poll at 0.6·D (catches early FAILs), then D = E − 2·S, then every DENSE ms (3 s) until
//   E + 2·S, then intervals growing ×1.5 up to OVERDUE_MAX, until CEILING → FAILED(timeout).
// Measured against fixed 5 s polling in tests/unit/poll-schedule-stats.test.ts.

export interface PollPlan {
  expectedMs: number;
  spreadMs: number;
  /** Worker time scale: divides the absolute constants (fast simulator runs). */
  timeScale: number;
}

const POLL_CONSTANTS = {
  denseMs: 3_000,
  overdueMaxMs: 30_000,
  ceilingMs: 15 * 60_000,
  earlyFraction: 0.6,
  /** Never poll more often than this, whatever the scale (each poll is an HTTP call + a DB write). */
  minGapMs: 50,
} as const;

/**
 * 15 min, scaled; never below 5 real minutes. A fast simulator's "generation" is a real ffmpeg render
 * that does not speed up with the scale: on a loaded 2-core machine a start–end render took over a
 * minute, and a one-minute floor failed healthy takes with `timeout`. Nothing waits on the ceiling
 * firing quickly, so the floor costs nothing but the wait for a task that never ends.
 */
const SCALED_CEILING_FLOOR_MS = 5 * 60_000;
export function ceilingMs(timeScale: number): number {
  return timeScale <= 1 ? POLL_CONSTANTS.ceilingMs : Math.max(SCALED_CEILING_FLOOR_MS, POLL_CONSTANTS.ceilingMs / timeScale);
}

/** Poll offsets (ms after acceptance) in increasing order, ending before the ceiling. */
export function* pollOffsets(plan: PollPlan): Generator<number> {
  const scale = Math.max(1, plan.timeScale);
  const gap = Math.max(POLL_CONSTANTS.minGapMs, POLL_CONSTANTS.denseMs / scale);
  const overdueMax = Math.max(gap, POLL_CONSTANTS.overdueMaxMs / scale);
  const ceiling = ceilingMs(scale);
  const E = Math.max(0, plan.expectedMs);
  const S = Math.max(0, plan.spreadMs);
  const denseStart = Math.max(gap, E - 2 * S);
  const denseEnd = E + 2 * S;

  let t = POLL_CONSTANTS.earlyFraction * denseStart;
  if (t >= gap && denseStart - t >= gap) yield t;
  t = denseStart;
  while (t <= denseEnd && t < ceiling) {
    yield t;
    t += gap;
  }
  let step = gap;
  while (t < ceiling) {
    yield t;
    step = Math.min(overdueMax, step * 1.5);
    t += step;
  }
}

/** Offset of the next poll strictly after `elapsedMs`, or null when the ceiling has passed. */
export function nextPollOffset(elapsedMs: number, plan: PollPlan): number | null {
  for (const t of pollOffsets(plan)) if (t > elapsedMs) return t;
  return null;
}
