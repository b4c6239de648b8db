import "server-only";
import type { FilmExportStatus } from "@/lib/shared/film/film-export-lifecycle";
import { exportReason } from "@/lib/shared/film/film-export-lifecycle";
import type { FilmExportView } from "@/lib/shared/film/film-export-view";
import { isLocale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import type { MediaUrls } from "../media-access/media-urls";

// FilmExport row → FilmExportView. Media URLs are signed only for a READY export (its objects are
// recorded only once verified and durable), so a half-written or interrupted render is never offered.
// The error message is in the viewer's language; the code is the stable part.

export const EXPORT_SELECT = {
  id: true,
  filmId: true,
  createdById: true,
  status: true,
  captions: true,
  progress: true,
  etaMs: true,
  errorCode: true,
  storageKey: true,
  posterKey: true,
  durationMs: true,
  width: true,
  height: true,
  bytes: true,
  createdAt: true,
  finishedAt: true,
} as const;

export interface ExportRow {
  id: string;
  filmId: string;
  createdById: string | null;
  status: FilmExportStatus;
  captions: boolean;
  progress: number;
  etaMs: number | null;
  errorCode: string | null;
  storageKey: string | null;
  posterKey: string | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  bytes: bigint | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export function toExportView(row: ExportRow, urls: MediaUrls, locale: string | null): FilmExportView {
  const ready = row.status === "READY";
  const failed = row.status === "FAILED";
  const code = failed ? exportReason(row.errorCode ?? "render_failed") : null;
  return {
    id: row.id,
    status: row.status,
    progress: ready ? 1 : Math.min(1, Math.max(0, row.progress)),
    etaSeconds: row.status === "RENDERING" && row.etaMs !== null ? Math.ceil(row.etaMs / 1000) : null,
    captions: row.captions,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: ready ? row.durationMs : null,
    width: ready ? row.width : null,
    height: ready ? row.height : null,
    bytes: ready && row.bytes !== null ? Number(row.bytes) : null,
    videoUrl: ready && row.storageKey ? urls.url({ key: row.storageKey, contentType: "video/mp4" }) : null,
    posterUrl: ready && row.posterKey ? urls.url({ key: row.posterKey, contentType: "image/jpeg" }) : null,
    error: code ? { code, message: translate(isLocale(locale) ? locale : "en", `filmExport.reason.${code}`) } : null,
  };
}
