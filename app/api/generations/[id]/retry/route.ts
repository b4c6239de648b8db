import { z } from "zod";
import { db } from "@/lib/server/db";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { retryGeneration } from "@/lib/server/generations/retry-generation";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// POST /api/generations/:id/retry (Idempotency-Key) -> 202 {id, status, generation} | 409 not_retryable
export const POST = route({ auth: "user", params }, async ({ req, access, params, ip }) => {
  const key = idempotencyKeyOf(req);
  const { id } = await retryGeneration(db(), access, params.id, key, { ip });
  const generation = await generationViewFor(db(), access, id);
  return json({ id, status: generation.status, generation }, { status: 202 });
});
