import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { filmHandoff } from "@/lib/server/films/handoff-download";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });

// GET /api/films/:filmId/handoff -> the hand-off zip (streamed); 409 shot_no_usable_take naming the shots
export const GET = route({ auth: "user", params }, ({ access, params }) => filmHandoff(db(), access, params.filmId));
