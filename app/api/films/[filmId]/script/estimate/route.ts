import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { breakdownEstimateQuerySchema } from "@/lib/shared/script-breakdown";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { estimateBreakdown } from "@/lib/server/script-breakdown/script-breakdown";

export const runtime = "nodejs";

// GET /api/films/:filmId/script/estimate?chars=N&parts=P -> {heldFen, maxTokens, calls}: what a
// breakdown of N characters in P parts (the dialog splits the text as the server will; 1 when absent)
// holds before it is sent, all parts together (the most it can cost; the answers' usage settles it).
export const GET = route({ auth: "user", params: z.object({ filmId: idSchema }), query: breakdownEstimateQuerySchema }, async ({ access, params, query }) =>
  json(await estimateBreakdown(db(), access, params.filmId, query.chars, query.parts)),
);
