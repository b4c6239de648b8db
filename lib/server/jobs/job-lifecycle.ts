import "server-only";
import type { JobStatus } from "@/lib/generated/sqlite/client";

// The life-cycle of a Job, declared once. Every status write of the runner (claim, step
// transitions, requeue, dependency settling, cancel) checks this table first; the claim SQL and the
// sweeps take their status lists from the sets below.

export type { JobStatus };

export const JOB_STATUSES: readonly JobStatus[] = ["BLOCKED", "QUEUED", "ACTIVE", "DONE", "FAILED", "CANCELLED"];

/** Waits for the jobs it depends on. */
export const BLOCKED: JobStatus = "BLOCKED";
/** Ready: claimed when its lane has a free slot. */
export const READY: JobStatus = "QUEUED";
/** In one of its kind's steps; claimed again when its lease is free and its runAt is due. */
export const ACTIVE: JobStatus = "ACTIVE";
export const SUCCEEDED: JobStatus = "DONE";
/** Ended without its result: a dependant of such a job can never run. */
export const ENDED_WITHOUT_RESULT: readonly JobStatus[] = ["FAILED", "CANCELLED"];
const TERMINAL: readonly JobStatus[] = ["DONE", ...ENDED_WITHOUT_RESULT];
/** A user (or a service on their behalf) may cancel only work that has not started. */
export const CANCELLABLE: readonly JobStatus[] = ["BLOCKED", "QUEUED"];

const TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  // every dependency DONE → QUEUED; one failed → FAILED; cancelled by its owner.
  BLOCKED: ["QUEUED", "FAILED", "CANCELLED"],
  // claimed → ACTIVE; cancelled by its owner; its subject vanished → FAILED.
  QUEUED: ["ACTIVE", "CANCELLED", "FAILED"],
  // next step (or the same later) → ACTIVE; handed back before it reached the upstream → QUEUED.
  ACTIVE: ["ACTIVE", "QUEUED", "DONE", "FAILED"],
  DONE: [],
  FAILED: [],
  CANCELLED: [],
};

export function canJobTransition(from: JobStatus, to: JobStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isJobTerminal(status: JobStatus): boolean {
  return TERMINAL.includes(status);
}

export class IllegalJobTransitionError extends Error {
  override readonly name = "IllegalJobTransitionError";
  constructor(
    readonly from: JobStatus,
    readonly to: JobStatus,
  ) {
    super(`illegal job transition ${from} → ${to}`);
  }
}

export function assertJobTransition(from: JobStatus, to: JobStatus): void {
  if (!canJobTransition(from, to)) throw new IllegalJobTransitionError(from, to);
}

/** `"a", "b"` for an SQL IN list of constant statuses (never user input). */
export function sqlStatusList(statuses: readonly string[]): string {
  return statuses.map((s) => `'${s.replace(/[^A-Z_]/g, "")}'`).join(", ");
}
