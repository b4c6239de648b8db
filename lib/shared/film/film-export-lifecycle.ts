// The life-cycle of a film export (one rendered version of a film), declared once: its statuses, the
// sets the services and views use, and the transitions the export job and the routes may make.
// Isomorphic: the storyboard imports it to decide what to offer. docs/architecture.md shows the table.
import { FILM_EXPORT_STATUSES, type FilmExportStatus } from "./film-export-view";

export type { FilmExportStatus };

type Set_ = readonly FilmExportStatus[];

/** Not finished (waiting for a media slot, or ffmpeg running): a user may cancel it — nothing was
 *  paid for, and the job kills its ffmpeg. READY, FAILED and CANCELLED are terminal. */
export const EXPORT_CANCELLABLE: Set_ = ["QUEUED", "RENDERING"];

/** The closed set of reasons an export ends without a video; the message is `filmExport.reason.<code>`. */
const EXPORT_FAILURE_REASONS = ["takes_missing", "input_invalid", "render_failed", "worker_error", "cancelled"] as const;
type ExportFailureReason = (typeof EXPORT_FAILURE_REASONS)[number];

const TRANSITIONS: Readonly<Record<FilmExportStatus, Set_>> = {
  // claimed by a worker → RENDERING; cancelled before → CANCELLED; the film lost a take before it started → FAILED.
  QUEUED: ["RENDERING", "CANCELLED", "FAILED"],
  // progress → RENDERING; stored and verified → READY; ffmpeg or a take failed → FAILED; the user cancelled → CANCELLED.
  // A crash leaves it RENDERING: the runner's lease re-runs the job, which renders again from the start.
  RENDERING: ["RENDERING", "READY", "FAILED", "CANCELLED"],
  READY: [],
  FAILED: [],
  CANCELLED: [],
};

export function canExportTransition(from: FilmExportStatus, to: FilmExportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Where `to` may be reached from: the guard of a conditional update (`status IN (...)`). */
export function exportSourcesOf(to: FilmExportStatus): FilmExportStatus[] {
  return FILM_EXPORT_STATUSES.filter((from) => TRANSITIONS[from].includes(to));
}

export function exportReason(code: string): ExportFailureReason {
  return (EXPORT_FAILURE_REASONS as readonly string[]).includes(code) ? (code as ExportFailureReason) : "render_failed";
}
