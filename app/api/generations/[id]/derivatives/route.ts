import { z } from "zod";
import { db } from "@/lib/server/db";
import { retryDerivatives } from "@/lib/server/generations/derivatives/retry-derivatives";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// POST /api/generations/:id/derivatives -> 202 {generation} when the poster and preview were queued
// again (their job had failed), 200 {generation} when they are there or still being made;
// 409 not_stored for a take that is not STORED.
export const POST = route({ auth: "user", params }, async ({ access, params }) => {
  const { view, queued } = await retryDerivatives(db(), access, params.id);
  return json({ generation: view }, { status: queued ? 202 : 200 });
});
