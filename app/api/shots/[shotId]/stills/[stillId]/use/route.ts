import { z } from "zod";
import { useStillSchema } from "@/lib/shared/film/still-views";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { useStill } from "@/lib/server/stills/shot-stills";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema, stillId: idSchema });

// POST /api/shots/:shotId/stills/:stillId/use {frame: "start" | "end"} -> {film}
// The still becomes the shot's first frame (a text shot becomes image→video) or end frame (start–end);
// 409 still_not_ready; 404 for a still of another shot.
export const POST = route({ auth: "user", params, body: useStillSchema }, async ({ access, params, body, ip }) => ({
  film: await useStill(db(), access, params.shotId, params.stillId, body.frame, ip),
}));
