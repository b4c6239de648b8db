import { z } from "zod";
import { db } from "@/lib/server/db";
import { lastFrameOf, requestLastFrame } from "@/lib/server/frames/request-last-frame";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// GET /api/generations/:id/last-frame -> 200 {lastFrame: LastFrameView | null} (null: never asked for)
export const GET = route({ auth: "user", params }, async ({ access, params }) => ({ lastFrame: await lastFrameOf(db(), access, params.id) }));

// POST /api/generations/:id/last-frame -> 202 {lastFrame} when queued now, 200 when it already was;
// 409 frame_source_failed for a take that ended without a video.
export const POST = route({ auth: "user", params }, async ({ access, params }) => {
  const { view, created } = await requestLastFrame(db(), access, params.id);
  return json({ lastFrame: view }, { status: created ? 202 : 200 });
});
