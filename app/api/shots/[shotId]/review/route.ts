import { z } from "zod";
import { reviewSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { reviewShot } from "@/lib/server/films/review-shot";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });

// POST /api/shots/:shotId/review {decision: "approve"} | {decision: "send_back", reason} -> {film};
// 409 take_not_ready (no stored chosen take), review_not_allowed (already so decided), conflict (raced).
export const POST = route({ auth: "user", params, body: reviewSchema }, async ({ access, params, body, ip }) => ({ film: await reviewShot(db(), access, params.shotId, body, ip) }));
