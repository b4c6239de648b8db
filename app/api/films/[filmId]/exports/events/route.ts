import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { openExportEvents } from "@/lib/server/film-export/export-events";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const params = z.object({ filmId: idSchema });

// GET /api/films/:filmId/exports/events -> text/event-stream of `event: export` (FilmExportView, or
// {id, deleted: true}) for the film's exports: status, progress and ETA as the worker writes them
export const GET = route({ auth: "user", params }, ({ req, access, params }) => openExportEvents(db(), access, params.filmId, req.signal));
