import "server-only";
import type { GenerationStatus } from "@/lib/shared/generation-view";

// RELIABILITY.md §3.1 as data. Every fenced write names the status it expects and the status it
// writes, and is refused unless this table allows the step, so a bug or a stale worker can never
// move a clip backwards (e.g. STORED → DOWNLOADING) or out of a terminal state.
//
// Self-loops are allowed for non-terminal states: a worker reschedules a poll, records a retry or
// renews its bookkeeping without changing the status.

export type Status = GenerationStatus;

const ALLOWED: Readonly<Record<Status, readonly Status[]>> = {
  // claim → SUBMITTING; user cancel; a breaker/backoff reschedule keeps it QUEUED.
  QUEUED: ["QUEUED", "SUBMITTING", "CANCELLED"],
  // 200 → PROCESSING; 1302/5xx before acceptance → QUEUED; 1301/12xx → REJECTED; 1231 or an
  // unresolvable ambiguous outcome → ORPHANED; retry budget spent → FAILED; ambiguous → stays.
  SUBMITTING: ["SUBMITTING", "QUEUED", "PROCESSING", "REJECTED", "ORPHANED", "FAILED"],
  // SUCCESS → DOWNLOADING; FAIL / timeout / task missing → FAILED.
  PROCESSING: ["PROCESSING", "DOWNLOADING", "FAILED", "ORPHANED"],
  // durable → STORED; dead URL → EXPIRED; bad media / blocked URL / budget → FAILED.
  DOWNLOADING: ["DOWNLOADING", "STORED", "EXPIRED", "FAILED"],
  STORED: [],
  REJECTED: [],
  FAILED: [],
  EXPIRED: [],
  ORPHANED: [],
  CANCELLED: [],
};

export const TERMINAL: ReadonlySet<Status> = new Set(["STORED", "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"]);

/** States whose work the worker claims: everything that is neither terminal nor waiting for a user. */
export const ACTIVE: readonly Status[] = ["SUBMITTING", "PROCESSING", "DOWNLOADING"];

/** Occupy an upstream concurrency slot (RELIABILITY §3.3 step 2: the cap counts these). */
export const IN_FLIGHT: readonly Status[] = ["SUBMITTING", "PROCESSING"];

/** Terminal states that give the user their quota back. */
export const REFUNDED: ReadonlySet<Status> = new Set(["REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"]);

export function allowedFrom(from: Status): readonly Status[] {
  return ALLOWED[from];
}

export function canTransition(from: Status, to: Status): boolean {
  return ALLOWED[from].includes(to);
}

export function isTerminalStatus(s: Status): boolean {
  return TERMINAL.has(s);
}

export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
  constructor(
    readonly from: Status,
    readonly to: Status,
  ) {
    super(`illegal generation transition ${from} → ${to}`);
  }
}

/** Throws IllegalTransitionError unless the table allows `from → to`. */
export function assertTransition(from: Status, to: Status): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}
