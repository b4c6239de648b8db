import { z } from "zod";
import { db } from "@/lib/server/db";
import { cancelGeneration } from "@/lib/server/generations/cancel-generation";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// POST /api/generations/:id/cancel -> 200 GenerationView (CANCELLED) | 409 not_cancellable
export const POST = route({ auth: "user", params }, async ({ access, params }) => {
  await cancelGeneration(db(), access, params.id);
  return generationViewFor(db(), access, params.id);
});
