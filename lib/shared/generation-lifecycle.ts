// The life-cycle of a take (a Generation), declared once: its statuses, the sets every query and
// view uses, the transitions the worker and the services may make, and the closed set of reasons
// a take can end without a video. Isomorphic: the gallery filters and the browser import it too.
// docs/architecture.md shows the same table as a diagram.

export const GENERATION_STATUSES = [
  "QUEUED",
  "SUBMITTING",
  "PROCESSING",
  "DOWNLOADING",
  "HELD",
  "STORED",
  "REJECTED",
  "FAILED",
  "EXPIRED",
  "ORPHANED",
  "CANCELLED",
] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

type Set_ = readonly GenerationStatus[];

/** Waiting for its turn (or for the take it continues from): nothing was sent upstream yet. */
const WAITING: Set_ = ["QUEUED"];
/**
 * The worker's states: a create was or is being sent, the task runs, the result is being saved, or
 * (HELD) a create may have been accepted and re-sending it could be billed twice, so an admin decides
 * (docs/reliability.md, "HELD"). A HELD take keeps its hold: it is neither charged nor refunded.
 */
const WORKING: Set_ = ["SUBMITTING", "PROCESSING", "DOWNLOADING", "HELD"];
/** Not finished: WAITING ∪ WORKING. */
export const RUNNING: Set_ = [...WAITING, ...WORKING];
/** Ended with a video. */
export const SUCCEEDED: Set_ = ["STORED"];
/** Ended without a video; the take's hold is refunded exactly once on the way in. */
export const ENDED_WITHOUT_VIDEO: Set_ = ["REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"];
/** Ended without a video because the user cancelled it before it started. */
export const CANCELLED_BY_USER: Set_ = ["CANCELLED"];
/** Ended without a video through no choice of the user: what "failed" means in filters and views. */
export const FAILED_STATES: Set_ = ["REJECTED", "FAILED", "EXPIRED", "ORPHANED"];
export const TERMINAL: Set_ = [...SUCCEEDED, ...ENDED_WITHOUT_VIDEO];
/** A user may cancel only what has not been sent upstream: nothing can have been charged. */
export const CANCELLABLE: Set_ = [...WAITING];
/** A retry makes a new take from one that ended without a video (not one the user cancelled). */
export const RETRYABLE: Set_ = [...FAILED_STATES];
/** May be deleted from the gallery: finished either way (the worker no longer writes it). */
export const DELETABLE: Set_ = [...TERMINAL];

const TRANSITIONS: Readonly<Record<GenerationStatus, Set_>> = {
  // claimed → SUBMITTING; cancelled by the user; a dependency failed or the input vanished → FAILED.
  QUEUED: ["SUBMITTING", "CANCELLED", "FAILED"],
  // accepted → PROCESSING; refused before acceptance (cap, breaker) → QUEUED; refused for its content →
  // REJECTED; the upstream has the request id but we lost the task id → ORPHANED; retries spent → FAILED;
  // may have been accepted while a re-send is not known to be safe → HELD.
  SUBMITTING: ["SUBMITTING", "QUEUED", "PROCESSING", "REJECTED", "ORPHANED", "FAILED", "HELD"],
  // SUCCESS → DOWNLOADING; FAIL, timeout, task unknown → FAILED.
  PROCESSING: ["PROCESSING", "DOWNLOADING", "FAILED", "ORPHANED"],
  // durable and verified → STORED; dead result link → EXPIRED; bad media or refused link → FAILED.
  DOWNLOADING: ["DOWNLOADING", "STORED", "EXPIRED", "FAILED"],
  // an admin gave the upstream task id → PROCESSING (charged, polled); an admin marked it failed → FAILED (refunded).
  HELD: ["HELD", "PROCESSING", "FAILED"],
  STORED: [],
  REJECTED: [],
  FAILED: [],
  EXPIRED: [],
  ORPHANED: [],
  CANCELLED: [],
};

export function canTransition(from: GenerationStatus, to: GenerationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(status: GenerationStatus): boolean {
  return TERMINAL.includes(status);
}

export function isIn(set: Set_, status: string): status is GenerationStatus {
  return (set as readonly string[]).includes(status);
}

export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
  constructor(
    readonly from: GenerationStatus,
    readonly to: GenerationStatus,
  ) {
    super(`illegal generation transition ${from} → ${to}`);
  }
}

/**
 * Why a take ended without a video: a closed set. Each reason names the status it ends in and
 * whether an operator is alerted; its message is `generation.reason.<code>` in both languages.
 * What the upstream or the worker said in detail goes to the row's errorMessage (for operators).
 */
export const FAILURE_REASONS = {
  unsafe_content: { status: "REJECTED", alert: false },
  prompt_too_long: { status: "REJECTED", alert: false },
  invalid_params: { status: "REJECTED", alert: false },
  orphaned: { status: "ORPHANED", alert: true },
  unconfirmed: { status: "FAILED", alert: false }, // an admin ended a HELD take (the alert was raised when it was held)
  upstream_failed: { status: "FAILED", alert: false },
  upstream_malformed: { status: "FAILED", alert: false },
  timeout: { status: "FAILED", alert: false },
  task_missing: { status: "FAILED", alert: true },
  inconsistent: { status: "FAILED", alert: true },
  expired: { status: "EXPIRED", alert: true },
  download_refused: { status: "FAILED", alert: true },
  download_failed: { status: "FAILED", alert: false },
  media_invalid: { status: "FAILED", alert: false },
  input_missing: { status: "FAILED", alert: false },
  dependency_failed: { status: "FAILED", alert: false },
  worker_error: { status: "FAILED", alert: false }, // the runner alerts for every kind (run-claimed.ts)
  cancelled: { status: "CANCELLED", alert: false },
} as const satisfies Record<string, { status: GenerationStatus; alert: boolean }>;

export type FailureReason = keyof typeof FAILURE_REASONS;
export const FAILURE_REASON_CODES = Object.keys(FAILURE_REASONS) as FailureReason[];

export function isFailureReason(code: string): code is FailureReason {
  return Object.hasOwn(FAILURE_REASONS, code);
}

export function statusOfFailure(reason: FailureReason): GenerationStatus {
  return FAILURE_REASONS[reason].status;
}
