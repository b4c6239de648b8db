import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type Access, assertOnFilm, type FilmAction } from "../permissions";
import type { ShotRow } from "./shot-columns";

// Every film service starts here: the film (or the shot and its film) read once and checked against
// the actor's Access for the action at hand. A deleted film, another tenant's film and a missing one
// are the same 404.

const FILM_SELECT = { id: true, ownerId: true, teamId: true, title: true, aspect: true, style: true, voiceCast: true, deletedAt: true, updatedAt: true } as const;

export type FilmRow = { id: string; ownerId: string; teamId: string | null; title: string; aspect: string; style: string; voiceCast: unknown; deletedAt: Date | null; updatedAt: Date };

type Client = Pick<Db, "film" | "shot">;

export async function loadFilm(client: Client, access: Access, filmId: string, action: FilmAction): Promise<FilmRow> {
  return assertOnFilm(access, await client.film.findUnique({ where: { id: filmId }, select: FILM_SELECT }), action);
}

export async function loadShot(client: Client, access: Access, shotId: string, action: FilmAction): Promise<{ film: FilmRow; shot: ShotRow }> {
  const row = await client.shot.findUnique({ where: { id: shotId }, include: { film: { select: FILM_SELECT } } });
  const film = assertOnFilm(access, row?.film ?? null, action);
  if (!row) throw new AppError("not_found");
  const { film: _film, createdAt: _c, updatedAt: _u, ...shot } = row;
  return { film, shot };
}

/** The film's shots in order. */
export async function shotsOf(client: Pick<Db, "shot">, filmId: string): Promise<ShotRow[]> {
  const rows = await client.shot.findMany({ where: { filmId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map(({ createdAt: _c, updatedAt: _u, ...shot }) => shot);
}
