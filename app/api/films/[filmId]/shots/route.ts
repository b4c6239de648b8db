import { z } from "zod";
import { createShotSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { addShot } from "@/lib/server/films/shots";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });
const body = createShotSchema.extend({ retarget: z.boolean({ error: "errors.field.invalid" }).default(false) });

// POST /api/films/:filmId/shots {mode, prompt?, start?, end?, caption?, trimIn?, trimOut?, transition?, sceneHeading?, at?, retarget?}
//   -> 201 {film}; 409 film_chain_broken when inserting before a chained shot (unless retarget).
export const POST = route({ auth: "user", params, body }, async ({ access, params, body, ip }) => json({ film: await addShot(db(), access, params.filmId, body, ip) }, { status: 201 }));
