import { z } from "zod";
import { updateFilmSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { deleteFilm, getFilm, updateFilm } from "@/lib/server/films/films";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });

// GET /api/films/:filmId -> {film: FilmView} (shots, their takes' statuses and cost, n of m approved)
export const GET = route({ auth: "user", params }, async ({ access, params }) => ({ film: await getFilm(db(), access, params.filmId) }));

// PATCH /api/films/:filmId {title?, aspect?, style?} -> {film}; 409 film_aspect_locked once it has takes.
export const PATCH = route({ auth: "user", params, body: updateFilmSchema }, async ({ access, params, body, ip }) => ({ film: await updateFilm(db(), access, params.filmId, body, ip) }));

// DELETE /api/films/:filmId -> {ok: true} (admins/owners of a team film; a personal film its creator)
export const DELETE = route({ auth: "user", params }, async ({ access, params, ip }) => {
  await deleteFilm(db(), access, params.filmId, ip);
  return { ok: true };
});
