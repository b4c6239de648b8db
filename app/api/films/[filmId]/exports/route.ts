import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { createExport, listExports } from "@/lib/server/film-export/exports";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });
const body = z.object({ captions: z.boolean({ error: "errors.field.invalid" }).optional() }).strict();

// GET /api/films/:filmId/exports -> {exports: FilmExportView[]} newest first (viewers too)
export const GET = route({ auth: "user", params }, ({ access, params }) => listExports(db(), access, params.filmId));

// POST /api/films/:filmId/exports {captions?} -> 202 {export}; 409 shot_no_usable_take naming the shots
export const POST = route({ auth: "user", params, body }, async ({ access, params, body, ip }) =>
  json({ export: await createExport(db(), access, params.filmId, body, ip) }, { status: 202 }),
);
