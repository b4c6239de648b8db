import { z } from "zod";
import { chooseTakeSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { chooseTake } from "@/lib/server/films/review-shot";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });

// PUT /api/shots/:shotId/chosen-take {takeId} -> {film}; 422 take_not_of_shot; 409 take_not_ready.
export const PUT = route({ auth: "user", params, body: chooseTakeSchema }, async ({ access, params, body, ip }) => ({ film: await chooseTake(db(), access, params.shotId, body.takeId, ip) }));
