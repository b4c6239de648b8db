import { z } from "zod";
import { takesEstimateQuerySchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { estimateTakes } from "@/lib/server/films/make-takes";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });

// GET /api/shots/:shotId/takes/estimate?count=1..4 -> {count, unitFen, totalFen} (the price shown first)
export const GET = route({ auth: "user", params, query: takesEstimateQuerySchema }, ({ access, params, query }) => estimateTakes(db(), access, params.shotId, query.count));
