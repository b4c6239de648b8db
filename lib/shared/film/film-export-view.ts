// What /api/films/:filmId/exports and /api/exports/:exportId answer for one rendered version of a
// film: plain JSON the storyboard renders. Times are ISO strings; urls are signed media URLs, present
// only once the export is READY.

export const FILM_EXPORT_STATUSES = ["QUEUED", "RENDERING", "READY", "FAILED", "CANCELLED"] as const;
export type FilmExportStatus = (typeof FILM_EXPORT_STATUSES)[number];

export interface FilmExportView {
  id: string;
  status: FilmExportStatus;
  /** 0..1; 1 once READY. */
  progress: number;
  /** Seconds left while RENDERING, when the renderer can tell; else null. */
  etaSeconds: number | null;
  /** Captions burnt into the picture. */
  captions: boolean;
  createdAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  videoUrl: string | null;
  posterUrl: string | null;
  /** Why it ended without a video (FAILED), else null. */
  error: { code: string; message: string } | null;
}

/** One `event: export` of GET /api/films/:filmId/exports/events: an export's new state, or its deletion. */
export type FilmExportEvent = FilmExportView | { id: string; deleted: true };
