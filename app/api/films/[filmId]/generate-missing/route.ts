import { z } from "zod";
import { generateMissingQuerySchema, generateMissingSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { estimateMissing, generateMissing } from "@/lib/server/films/generate-missing";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });

// GET /api/films/:filmId/generate-missing?takes=1..4
//   -> {shots: [{shotId, position, chained, priceFen}], takesPerShot, priceFen, totalFen, budgets, fits}
export const GET = route({ auth: "user", params, query: generateMissingQuerySchema }, ({ access, params, query }) => estimateMissing(db(), access, params.filmId, query.takes));

// POST /api/films/:filmId/generate-missing {takes, expectTotalFen} (Idempotency-Key)
//   -> 202 {batchId, takes: [{takeId, shotId, position, chained}], totalFen, created}
// All or nothing: 402 budget_* and nothing created when the total does not fit; 409 film_batch_stale
// when the total is no longer expectTotalFen.
export const POST = route({ auth: "user", params, body: generateMissingSchema }, async ({ req, access, params, body, ip }) => {
  const key = idempotencyKeyOf(req);
  return json(await generateMissing(db(), access, params.filmId, body, key, ip), { status: 202 });
});
