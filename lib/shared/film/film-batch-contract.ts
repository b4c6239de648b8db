import type { BudgetsLeftView } from "../budget-views";

// The answers of the "generate missing shots" and export routes as the storyboard reads them. Declared
// here, on the storyboard's side, until those routes and their own view types land; then this file
// re-exports (or is replaced by) theirs. Money in fen, times ISO strings.

export interface GenerateMissingEstimate {
  /** The shots without a usable take, in film order; `chained` ones wait for the shot before them. */
  shots: { shotId: string; position: number; chained: boolean }[];
  takesPerShot: number;
  /** The price of one take. */
  priceFen: number;
  /** shots × takesPerShot × priceFen. */
  totalFen: number;
  budgets: BudgetsLeftView;
  /** Whether the whole batch fits every limited budget. */
  fits: boolean;
}

export interface GenerateMissingAccepted {
  batchId: string;
  takes: unknown[];
}

type FilmExportStatus = "QUEUED" | "RENDERING" | "READY" | "FAILED" | "CANCELLED";

export interface FilmExportView {
  id: string;
  status: FilmExportStatus;
  /** 0..1 */
  progress: number;
  etaSeconds: number | null;
  captions: boolean;
  createdAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  videoUrl: string | null;
  posterUrl: string | null;
  error: { code: string; message: string } | null;
}
