import "server-only";
import type { z } from "zod";
import type { createCommentSchema } from "@/lib/shared/film/film-schemas";
import type { CommentView } from "@/lib/shared/film/film-views";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, canOnFilm } from "../permissions";
import { loadFilm } from "./load-film";

// Timecoded comments on a take of the film or on one of its exports. Everyone who can see the film
// comments (viewers included); the author edits their own; the author or an admin/owner deletes. The
// body went through the user-text rule in the schema. Every change is in the audit log.

type Row = { id: string; filmId: string; takeId: string | null; exportId: string | null; timeMs: number; body: string; authorId: string | null; createdAt: Date; updatedAt: Date; author: { name: string | null } | null };

const SELECT = { id: true, filmId: true, takeId: true, exportId: true, timeMs: true, body: true, authorId: true, createdAt: true, updatedAt: true, author: { select: { name: true } } } as const;

type FilmOwner = { ownerId: string; teamId: string | null; deletedAt: Date | null };

/** The one rule for who edits and deletes a comment, used by the checks below and by the views. */
function mayOnComment(access: Access, c: { authorId: string | null }, film: FilmOwner): { edit: boolean; delete: boolean } {
  const own = c.authorId === access.actor.id && canOnFilm(access, film, "comment");
  return { edit: own, delete: own || canOnFilm(access, film, "delete") };
}

function viewOf(c: Row, access: Access, film: FilmOwner): CommentView {
  return {
    id: c.id,
    filmId: c.filmId,
    takeId: c.takeId,
    exportId: c.exportId,
    timeMs: c.timeMs,
    body: c.body,
    authorId: c.authorId,
    authorName: c.author?.name ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    may: mayOnComment(access, c, film),
  };
}

export async function listComments(client: Db, access: Access, filmId: string): Promise<{ items: CommentView[] }> {
  const film = await loadFilm(client, access, filmId, "view");
  const rows = await client.comment.findMany({ where: { filmId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1000, select: SELECT });
  return { items: rows.map((c) => viewOf(c, access, film)) };
}

/**
 * The commented thing is a take of one of this film's shots, or a ready export (a version) of this
 * film; neither deleted. The export is checked here rather than by a foreign key: an export's delete
 * is soft, and its comments stay with the film's history.
 */
async function assertTarget(client: Db, filmId: string, input: { takeId?: string; exportId?: string }): Promise<void> {
  const found = input.takeId
    ? await client.generation.findFirst({ where: { id: input.takeId, deletedAt: null, shot: { filmId } }, select: { id: true } })
    : await client.filmExport.findFirst({ where: { id: input.exportId, filmId, deletedAt: null, status: "READY" }, select: { id: true } });
  if (!found) throw new AppError("comment_target_missing");
}

export async function createComment(client: Db, access: Access, filmId: string, input: z.infer<typeof createCommentSchema>, ip: string): Promise<CommentView> {
  const film = await loadFilm(client, access, filmId, "comment");
  await assertTarget(client, filmId, input);
  const row = await writeTransaction(client, async (tx) => {
    const c = await tx.comment.create({ data: { filmId, takeId: input.takeId ?? null, exportId: input.exportId ?? null, timeMs: input.timeMs, body: input.body, authorId: access.actor.id }, select: SELECT });
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "comment.create", targetType: "comment", targetId: c.id, data: { filmId, timeMs: input.timeMs, ...(input.takeId ? { takeId: input.takeId } : { exportId: input.exportId ?? null }) }, ip });
    return c;
  });
  return viewOf(row, access, film);
}

async function loadComment(client: Db, access: Access, commentId: string) {
  const c = await client.comment.findUnique({ where: { id: commentId }, select: { ...SELECT, deletedAt: true, film: { select: { ownerId: true, teamId: true, deletedAt: true } } } });
  if (!c || c.deletedAt !== null || !canOnFilm(access, c.film, "view")) throw new AppError("not_found");
  return c;
}

export async function updateComment(client: Db, access: Access, commentId: string, body: string, ip: string): Promise<CommentView> {
  const c = await loadComment(client, access, commentId);
  if (!mayOnComment(access, c, c.film).edit) throw new AppError("team_role_forbidden");
  const row = await writeTransaction(client, async (tx) => {
    const updated = await tx.comment.update({ where: { id: c.id }, data: { body }, select: SELECT });
    await recordAudit(tx, { teamId: c.film.teamId, actorId: access.actor.id, action: "comment.update", targetType: "comment", targetId: c.id, data: { filmId: c.filmId }, ip });
    return updated;
  });
  return viewOf(row, access, c.film);
}

export async function deleteComment(client: Db, access: Access, commentId: string, ip: string): Promise<void> {
  const c = await loadComment(client, access, commentId);
  if (!mayOnComment(access, c, c.film).delete) throw new AppError("team_role_forbidden");
  await writeTransaction(client, async (tx) => {
    await tx.comment.update({ where: { id: c.id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, { teamId: c.film.teamId, actorId: access.actor.id, action: "comment.delete", targetType: "comment", targetId: c.id, data: { filmId: c.filmId }, ip });
  });
}
