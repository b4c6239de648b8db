import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { duplicateShot } from "@/lib/server/films/shots";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });
const body = z.strictObject({ retarget: z.boolean({ error: "errors.field.invalid" }).default(false) });

// POST /api/shots/:shotId/duplicate {retarget?} -> 201 {film} (the copy right after it, without takes)
export const POST = route({ auth: "user", params, body }, async ({ access, params, body, ip }) => json({ film: await duplicateShot(db(), access, params.shotId, body.retarget, ip) }, { status: 201 }));
