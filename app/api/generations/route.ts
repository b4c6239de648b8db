import { z } from "zod";
import { createGenerationSchema } from "@/lib/shared/generation-schemas";
import { db } from "@/lib/server/db";
import { createGeneration } from "@/lib/server/generations/create-generation";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, listGenerations } from "@/lib/server/generations/list-generations";
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

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  cursor: z.string().max(300).optional(),
});

// GET /api/generations?limit=&cursor= -> {items, nextCursor}
export const GET = route({ auth: "user", query: listQuery }, ({ actor, query }) => listGenerations(db(), actor, query));
