import { workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { createFilmSchema } from "@/lib/shared/film/film-schemas";
import { db } from "@/lib/server/db";
import { createFilm, listFilms } from "@/lib/server/films/films";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

// GET /api/films[?team=<id>] -> {items: FilmSummary[]} (the workspace's films, latest change first)
export const GET = route({ auth: "user", query: workspaceQuerySchema }, ({ access, query }) => listFilms(db(), access, workspaceOf(query)));

// POST /api/films[?team=<id>] {title, aspect, style?} -> 201 {film}; 403 team_role_forbidden for viewers.
export const POST = route({ auth: "user", query: workspaceQuerySchema, body: createFilmSchema }, async ({ access, query, body, ip }) =>
  json({ film: await createFilm(db(), access, workspaceOf(query), body, ip) }, { status: 201 }),
);
