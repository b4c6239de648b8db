import { z } from "zod";
import { db } from "@/lib/server/db";
import { moveToTeam } from "@/lib/server/gallery/move-to-team";
import { galleryViewFor } from "@/lib/server/gallery/annotate-generations";
import { route } from "@/lib/server/http/route";
import { ID_PATTERN, idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });
const body = z.object({ teamId: z.string({ error: "errors.field.required" }).regex(ID_PATTERN, { error: "errors.field.invalid" }) }).strict();

// POST /api/generations/:id/move {teamId} -> the clip's view (now in the team) | 404 | 409 not_movable
export const POST = route({ auth: "user", params, body }, async ({ access, params, body, ip }) => {
  await moveToTeam(db(), access, params.id, body.teamId, ip);
  return galleryViewFor(db(), access, params.id);
});
