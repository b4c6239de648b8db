import { z } from "zod";
import { updateShotSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { deleteShot, updateShot } from "@/lib/server/films/shots";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });
const query = z.object({ retarget: z.enum(["true", "false"], { error: "errors.field.invalid" }).optional() });

// PATCH /api/shots/:shotId {any shot field} -> {film}
export const PATCH = route({ auth: "user", params, body: updateShotSchema }, async ({ access, params, body, ip }) => ({ film: await updateShot(db(), access, params.shotId, body, ip) }));

// DELETE /api/shots/:shotId[?retarget=true] -> {film}; 409 film_chain_broken when the next shot is chained to it.
export const DELETE = route({ auth: "user", params, query }, async ({ access, params, query, ip }) => ({ film: await deleteShot(db(), access, params.shotId, query.retarget === "true", ip) }));
