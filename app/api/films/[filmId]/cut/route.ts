import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { buildCut } from "@/lib/server/films/build-cut";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });

// GET /api/films/:filmId/cut -> {cut: Cut, takes: {shotId: takeId}, problems: CutProblem[]};
// 409 shot_no_usable_take naming the shots without a chosen take that has its video.
export const GET = route({ auth: "user", params }, ({ access, params }) => buildCut(db(), access, params.filmId));
