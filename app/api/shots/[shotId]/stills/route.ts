import { z } from "zod";
import { makeStillsSchema } from "@/lib/shared/film/still-views";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { listStills, makeStills } from "@/lib/server/stills/shot-stills";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });

// GET /api/shots/:shotId/stills -> {items: StillView[], unitFen, size, frame} (anyone who may view the film)
export const GET = route({ auth: "user", params }, ({ access, params }) => listStills(db(), access, params.shotId));

// POST /api/shots/:shotId/stills {count: 1..4, prompt?} (Idempotency-Key) -> 202 {items, unitFen, size, frame, created}
// One CogView call per still, held together (402 budget_*: none made), re-hosted fitted to the film's frame.
export const POST = route({ auth: "user", params, body: makeStillsSchema }, async ({ req, access, params, body, ip }) =>
  json(await makeStills(db(), access, params.shotId, body, idempotencyKeyOf(req), ip), { status: 202 }),
);
