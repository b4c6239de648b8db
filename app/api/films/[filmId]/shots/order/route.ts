import { z } from "zod";
import { reorderShotsSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { reorderShots } from "@/lib/server/films/shots";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });

// PUT /api/films/:filmId/shots/order {order: shotId[], retarget?} -> {film};
// 409 film_chain_broken naming the chained shots that would start from another shot (unless retarget).
export const PUT = route({ auth: "user", params, body: reorderShotsSchema }, async ({ access, params, body, ip }) => ({ film: await reorderShots(db(), access, params.filmId, body, ip) }));
