import "server-only";
import type { z } from "zod";
import type { createFilmSchema, updateFilmSchema } from "@/lib/shared/film/film-schemas";
import type { FilmSummary, FilmView } from "@/lib/shared/film/film-views";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertFilmWorkspace, workspaceFilmsWhere, type Workspace } from "../permissions";
import { filmSummaryOf, filmViewOf } from "./film-view";
import { loadFilm, shotsOf } from "./load-film";

// Films: list a workspace's films, create one, read it with its shots, rename / restyle it, delete
// it (soft, like clips: its takes stay in the gallery). Every change is in the audit log.

export async function listFilms(client: Db, access: Access, ws: Workspace): Promise<{ items: FilmSummary[] }> {
  assertFilmWorkspace(access, ws, "view");
  const films = await client.film.findMany({
    where: workspaceFilmsWhere(access, ws),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true, ownerId: true, teamId: true, title: true, aspect: true, style: true, deletedAt: true, updatedAt: true,
      shots: { select: { reviewState: true, reviewedTakeId: true, chosenTakeId: true } },
    },
  });
  // The list counts the approvals that stand (about the chosen take) without loading every take; the
  // storyboard derives the exact status, where a chained shot made out of date shows as such.
  return {
    items: films.map(({ shots, ...f }) => ({
      ...filmSummaryOf(f, shots.length),
      approved: { n: shots.filter((s) => s.reviewState === "APPROVED" && s.reviewedTakeId !== null && s.reviewedTakeId === s.chosenTakeId).length, m: shots.length },
    })),
  };
}

export async function createFilm(client: Db, access: Access, ws: Workspace, input: z.infer<typeof createFilmSchema>, ip: string): Promise<FilmView> {
  assertFilmWorkspace(access, ws, "edit");
  const teamId = ws.kind === "team" ? ws.teamId : null;
  const film = await writeTransaction(client, async (tx) => {
    const f = await tx.film.create({ data: { ownerId: access.actor.id, teamId, title: input.title, aspect: input.aspect, style: input.style } });
    await recordAudit(tx, { teamId, actorId: access.actor.id, action: "film.create", targetType: "film", targetId: f.id, data: { aspect: input.aspect }, ip });
    return f;
  });
  return filmViewOf(client, film, []);
}

export async function getFilm(client: Db, access: Access, filmId: string): Promise<FilmView> {
  const film = await loadFilm(client, access, filmId, "view");
  return filmViewOf(client, film, await shotsOf(client, film.id));
}

export async function updateFilm(client: Db, access: Access, filmId: string, input: z.infer<typeof updateFilmSchema>, ip: string): Promise<FilmView> {
  const film = await loadFilm(client, access, filmId, "edit");
  await writeTransaction(client, async (tx) => {
    // Write first (SQLite takes its write lock at once), then check: every take of a film is made at
    // its aspect, so once one exists the aspect is fixed (the throw rolls the update back).
    await tx.film.update({ where: { id: filmId }, data: { ...input } });
    if (input.aspect !== undefined && input.aspect !== film.aspect && (await tx.generation.count({ where: { shot: { filmId } } })) > 0) {
      throw new AppError("film_aspect_locked");
    }
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "film.update", targetType: "film", targetId: filmId, data: { fields: Object.keys(input).join(",") }, ip });
  });
  return getFilm(client, access, filmId);
}

export async function deleteFilm(client: Db, access: Access, filmId: string, ip: string): Promise<void> {
  const film = await loadFilm(client, access, filmId, "delete");
  await writeTransaction(client, async (tx) => {
    const done = await tx.film.updateMany({ where: { id: filmId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (done.count === 0) throw new AppError("not_found");
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "film.delete", targetType: "film", targetId: filmId, ip });
  });
}

/** Marks the film changed (its list is ordered by it) inside the caller's transaction. */
export async function touchFilm(tx: Pick<Db, "film">, filmId: string): Promise<void> {
  await tx.film.update({ where: { id: filmId }, data: { updatedAt: new Date() } });
}
