import { galleryQuerySchema } from "@/lib/shared/gallery-filters";
import { createGenerationSchema } from "@/lib/shared/generation-schemas";
import { db } from "@/lib/server/db";
import { createGeneration } from "@/lib/server/generations/create-generation";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { listGenerations } from "@/lib/server/generations/list-generations";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

// POST /api/generations (Idempotency-Key) -> 202 {id, status, generation}
export const POST = route({ auth: "user", body: createGenerationSchema }, async ({ req, actor, body }) => {
  const key = idempotencyKeyOf(req);
  const { id } = await createGeneration(db(), actor, key, body);
  const generation = await generationViewFor(db(), actor, id);
  return json({ id, status: generation.status, generation }, { status: 202 });
});

// GET /api/generations?limit&cursor&mode&status&q&from&to&favourite&tag&creator&sort&scope -> {items, nextCursor}
export const GET = route({ auth: "user", query: galleryQuerySchema }, ({ actor, query }) => listGenerations(db(), actor, query));
