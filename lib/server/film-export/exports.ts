import "server-only";
import type { FilmExportView } from "@/lib/shared/film/film-export-view";
import { EXPORT_CANCELLABLE } from "@/lib/shared/film/film-export-lifecycle";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { cutOfFilm } from "../films/build-cut";
import { loadFilm } from "../films/load-film";
import { viewerMediaUrls } from "../generations/viewer-media-urls";
import { cancelJob } from "../jobs/cancel-job";
import { nudgeWorkers } from "../jobs/nudge";
import { type Access, canOnFilm } from "../permissions";
import { storage } from "../storage/instance";
import { filmExportPrefix } from "../storage";
import { enqueueFilmExportJob, filmExportJob } from "./export-job";
import { moveExport } from "./export-status";
import { EXPORT_SELECT, toExportView } from "./export-view";

// Film exports (versions of a film's render), as the routes ask for them. Roles are the clips':
// everyone who sees the film sees its exports; members (film.edit) export; the creator (while they
// may still edit) or an admin/owner (film.delete) cancels or deletes one. Every change is audited;
// rendering is free, so nothing touches the ledger. A new export never replaces an older one.

const FILM_OF_EXPORT = { select: { id: true, ownerId: true, teamId: true, title: true, aspect: true, deletedAt: true } } as const;

async function viewsOf(client: Db, access: Access, rows: Parameters<typeof toExportView>[0][]): Promise<FilmExportView[]> {
  const urls = await viewerMediaUrls(access);
  return rows.map((r) => toExportView(r, urls, access.actor.locale));
}

/** Queues a render of the film's cut as it is now; 409 shot_no_usable_take naming the shots without a take. */
export async function createExport(client: Db, access: Access, filmId: string, input: { captions?: boolean | undefined }, ip: string): Promise<FilmExportView> {
  const film = await loadFilm(client, access, filmId, "edit");
  const { cut, takes, voices, problems } = await cutOfFilm(client, film);
  if (problems.length) throw new AppError("film_cut_invalid", { fields: problems.map((p) => ({ path: p.code === "empty" ? "shots" : `shots.${p.shotId}`, key: "errors.field.invalid" as const })) });
  const row = await writeTransaction(client, async (tx) => {
    const e = await tx.filmExport.create({ data: { filmId: film.id, createdById: access.actor.id, captions: input.captions ?? false }, select: EXPORT_SELECT });
    await enqueueFilmExportJob(tx, e.id, { cut, takes, voices });
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "export.create", targetType: "export", targetId: e.id, data: { filmId: film.id, captions: e.captions }, ip });
    return e;
  });
  nudgeWorkers();
  const [view] = await viewsOf(client, access, [row]);
  return view!;
}

export async function listExports(client: Db, access: Access, filmId: string): Promise<{ exports: FilmExportView[] }> {
  await loadFilm(client, access, filmId, "view");
  const rows = await client.filmExport.findMany({ where: { filmId, deletedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200, select: EXPORT_SELECT });
  return { exports: await viewsOf(client, access, rows) };
}

/** The export and its film, visible to the actor (else 404: a deleted one, another tenant's, a missing one). */
async function loadExport(client: Db, access: Access, exportId: string) {
  const row = await client.filmExport.findUnique({ where: { id: exportId }, select: { ...EXPORT_SELECT, deletedAt: true, film: FILM_OF_EXPORT } });
  if (!row || row.deletedAt !== null || row.film.deletedAt !== null || !canOnFilm(access, row.film, "view")) throw new AppError("not_found");
  return row;
}

function assertMayManage(access: Access, row: Awaited<ReturnType<typeof loadExport>>): void {
  const own = row.createdById === access.actor.id && canOnFilm(access, row.film, "edit");
  if (!own && !canOnFilm(access, row.film, "delete")) throw new AppError("team_role_forbidden");
}

export async function getExport(client: Db, access: Access, exportId: string): Promise<FilmExportView> {
  const { film: _film, deletedAt: _d, ...row } = await loadExport(client, access, exportId);
  const [view] = await viewsOf(client, access, [row]);
  return view!;
}

/** Stops a running export: a queued job is cancelled outright; a rendering one sees its row and kills ffmpeg. */
export async function cancelExport(client: Db, access: Access, exportId: string, ip: string): Promise<FilmExportView> {
  const row = await loadExport(client, access, exportId);
  assertMayManage(access, row);
  if (!(EXPORT_CANCELLABLE as readonly string[]).includes(row.status)) throw new AppError("export_not_cancellable");
  // Not started: of {cancel, claim} one wins; the kind's `ended` marks the row CANCELLED in the same transaction.
  await cancelJob(client, filmExportJob, { subjectId: exportId });
  const moved = await writeTransaction(client, async (tx) => {
    const m = await moveExport(tx, exportId, "CANCELLED", { errorCode: null, etaMs: null, finishedAt: new Date() });
    const now = await tx.filmExport.findUniqueOrThrow({ where: { id: exportId }, select: { status: true } });
    if (m || now.status === "CANCELLED") await recordAudit(tx, { teamId: row.film.teamId, actorId: access.actor.id, action: "export.cancel", targetType: "export", targetId: exportId, data: { filmId: row.filmId }, ip });
    return now.status === "CANCELLED";
  });
  if (!moved) throw new AppError("export_not_cancellable");
  return getExport(client, access, exportId);
}

/** Soft delete, then its objects; a running render is stopped (it watches the row) and keeps nothing. */
export async function deleteExport(client: Db, access: Access, exportId: string, ip: string): Promise<void> {
  const row = await loadExport(client, access, exportId);
  assertMayManage(access, row);
  await cancelJob(client, filmExportJob, { subjectId: exportId });
  await writeTransaction(client, async (tx) => {
    await tx.filmExport.updateMany({ where: { id: exportId, deletedAt: null }, data: { deletedAt: new Date() } });
    await moveExport(tx, exportId, "CANCELLED", { etaMs: null, finishedAt: new Date() });
    await recordAudit(tx, { teamId: row.film.teamId, actorId: access.actor.id, action: "export.delete", targetType: "export", targetId: exportId, data: { filmId: row.filmId }, ip });
  });
  await storage().deletePrefix(filmExportPrefix(exportId));
}
