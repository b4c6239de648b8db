import { z } from "zod";
import { makeTakesSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { makeTakes } from "@/lib/server/films/make-takes";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });

// POST /api/shots/:shotId/takes {count: 1..4} (Idempotency-Key) -> 202 {takeIds, created}
// Each take through the one create path (budget 402 budget_*, hold, idempotent per key).
export const POST = route({ auth: "user", params, body: makeTakesSchema }, async ({ req, access, params, body, ip }) => {
  const key = idempotencyKeyOf(req);
  return json(await makeTakes(db(), access, params.shotId, body.count, key, ip), { status: 202 });
});
