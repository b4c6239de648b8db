// The life-cycle of a film's shot, declared once: the statuses the storyboard shows, the facts each
// is derived from, the order in which they win, and the review transitions. A shot's status is not
// stored: it follows from its takes (each with the take life-cycle of generation-lifecycle.ts), its
// review row and, for a chained shot, the previous shot's chosen take — so it can never disagree with
// them. Isomorphic: the server's views and the browser import it.
import { ENDED_WITHOUT_VIDEO, type GenerationStatus, isIn, RUNNING } from "../generation-lifecycle";

export const SHOT_STATUSES = ["no_take", "generating", "ready", "approved", "sent_back", "out_of_date", "blocked"] as const;
export type ShotStatus = (typeof SHOT_STATUSES)[number];

/** Why a chained shot cannot be made (or its take cannot stand): a closed set, each with a message. */
export const BLOCK_REASONS = ["first_shot", "previous_no_take", "source_deleted", "source_failed", "dependency_failed"] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export type ReviewState = "NONE" | "APPROVED" | "SENT_BACK";

/** A take of the shot as far as the shot's status is concerned. */
export interface TakeFacts {
  id: string;
  status: GenerationStatus;
  deleted: boolean;
  errorCode: string | null;
  /** The take whose last frame this take started from (a chained take), else null. */
  sourceTakeId: string | null;
}

export interface ShotFacts {
  takes: readonly TakeFacts[];
  chosenTakeId: string | null;
  /** The review as stored; it counts only while it is about the chosen take. */
  review: { state: ReviewState; takeId: string | null };
  /** For a shot that starts from the previous shot's last frame: that shot's chosen take, if any. */
  chain: { previous: { chosen: { id: string; status: GenerationStatus; deleted: boolean } | null } | null } | null;
}

/** The chosen take, if it is still there. */
function chosenOf(f: ShotFacts): TakeFacts | null {
  return f.takes.find((t) => t.id === f.chosenTakeId && !t.deleted) ?? null;
}

function effectiveReview(f: ShotFacts): ReviewState {
  return f.review.takeId !== null && f.review.takeId === f.chosenTakeId ? f.review.state : "NONE";
}

/** Why the chain of a chained shot is broken, or null (not chained, or the source is usable or on its way). */
export function blockReasonOf(f: ShotFacts): BlockReason | null {
  if (!f.chain) return null;
  if (!f.chain.previous) return "first_shot";
  const src = f.chain.previous.chosen;
  if (!src) return "previous_no_take";
  if (src.deleted) return "source_deleted";
  if (isIn(ENDED_WITHOUT_VIDEO, src.status)) return "source_failed";
  const chosen = chosenOf(f);
  const latest = f.takes.filter((t) => !t.deleted).at(-1);
  // A chained take that failed because its source did, while nothing newer was chosen.
  if (!chosen && latest?.errorCode === "dependency_failed") return "dependency_failed";
  return null;
}

/**
 * The rules, first match wins. "out_of_date": the chosen take started from a take that is no longer
 * the previous shot's chosen one (never regenerated silently: the user decides). "approved" wins over
 * new takes being made; "generating" over an older sending-back.
 */
const RULES: readonly (readonly [ShotStatus, (f: ShotFacts) => boolean])[] = [
  ["blocked", (f) => blockReasonOf(f) !== null],
  ["out_of_date", (f) => {
    const chosen = chosenOf(f);
    return f.chain !== null && chosen !== null && chosen.sourceTakeId !== (f.chain.previous?.chosen?.id ?? null);
  }],
  ["approved", (f) => chosenOf(f)?.status === "STORED" && effectiveReview(f) === "APPROVED"],
  ["generating", (f) => f.takes.some((t) => !t.deleted && isIn(RUNNING, t.status))],
  ["sent_back", (f) => effectiveReview(f) === "SENT_BACK"],
  ["ready", (f) => chosenOf(f)?.status === "STORED"],
  ["no_take", () => true],
];

export function shotStatusOf(f: ShotFacts): ShotStatus {
  for (const [status, applies] of RULES) if (applies(f)) return status;
  return "no_take";
}

/** Review decisions: from the current (effective) state to the next. Choosing another take resets to NONE. */
const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, readonly ReviewState[]>> = {
  NONE: ["APPROVED", "SENT_BACK"],
  APPROVED: ["SENT_BACK", "NONE"],
  SENT_BACK: ["APPROVED", "NONE"],
};

export function reviewTransitionAllowed(from: ReviewState, to: ReviewState): boolean {
  return REVIEW_TRANSITIONS[from].includes(to);
}

/** A take can be chosen, approved or cut only once it has a video. */
export function takeUsable(t: { status: GenerationStatus; deleted: boolean }): boolean {
  return !t.deleted && t.status === "STORED";
}

/**
 * A chosen take that counts: it has a video or is on its way to one (queued, running, stored). A shot
 * whose chosen take is missing, deleted or ended without a video has no usable take: making takes
 * chooses the first new one, and "generate missing shots" makes takes for it.
 */
export function takeOnItsWay(t: { status: GenerationStatus; deletedAt: Date | null } | null): boolean {
  return t !== null && t.deletedAt === null && !isIn(ENDED_WITHOUT_VIDEO, t.status);
}
