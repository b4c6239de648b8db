import type { BudgetsLeftView } from "../budget-views";

// What "Generate missing shots" answers (GET/POST /api/films/:filmId/generate-missing and its
// cancel): plain JSON the storyboard's estimate dialog and status strip render. Money in fen.

/** A shot the batch makes takes for: it has no chosen take that is queued, running or stored. */
export interface MissingShot {
  shotId: string;
  /** The shot's place in the film, from 0 (as ShotView.position). */
  position: number;
  /** Starts from the previous shot's last frame: queued behind that shot's take. */
  chained: boolean;
  /** One take of this shot. */
  priceFen: number;
}

/** What the film's spend is split into: the script breakdown (chat), shot stills, voice lines, video takes. */
export const FILM_SPEND_KINDS = ["script", "stills", "voice", "video"] as const;
export type FilmSpendKind = (typeof FILM_SPEND_KINDS)[number];

/** Spend (HOLD − REFUND) of finished calls and takes (settled) and of those still running (held). */
interface SpendPart {
  settledFen: number;
  heldFen: number;
}

/** Everything spent on the film so far, by kind; totalFen = settledFen + heldFen. */
export interface FilmSpend extends SpendPart {
  byKind: Record<FilmSpendKind, SpendPart>;
  totalFen: number;
}

/** GET /api/films/:filmId/generate-missing?takes=1..4 — shown before anything is queued. */
export interface GenerateMissingEstimate {
  shots: MissingShot[];
  takesPerShot: number;
  /** One take's price when every missing shot costs the same (one price for all modes by default), else null. */
  priceFen: number | null;
  /** Σ shots × takesPerShot × price: what the batch holds at once; send it back as expectTotalFen. */
  totalFen: number;
  /** The same remaining-budget view as GET /api/workspace/budget for the film's workspace. */
  budgets: BudgetsLeftView;
  /** totalFen fits every remaining budget (a figure for the eye: the POST re-checks atomically). */
  fits: boolean;
  /** What the film has cost so far, before this batch. */
  spent: FilmSpend;
  /** spent.totalFen + totalFen: the film's cost once this batch is made. */
  filmTotalFen: number;
}

export interface BatchTake {
  takeId: string;
  shotId: string;
  position: number;
  chained: boolean;
}

/** POST /api/films/:filmId/generate-missing → 202. A repeated request (same Idempotency-Key) answers the same batch with created false. */
export interface GenerateMissingResult {
  batchId: string;
  takes: BatchTake[];
  totalFen: number;
  created: boolean;
}

/** POST /api/films/:filmId/generate-missing/:batchId/cancel → 200. */
export interface CancelBatchResult {
  batchId: string;
  /** Takes that had not been sent upstream: now CANCELLED, each refunded. */
  cancelled: string[];
  /** Takes already started (or finished): they continue and settle as usual. */
  continuing: string[];
  refundedFen: number;
}
