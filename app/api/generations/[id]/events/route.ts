import { z } from "zod";
import { db } from "@/lib/server/db";
import { openGenerationEvents } from "@/lib/server/generations/generation-events";
import { route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const params = z.object({ id: idSchema });

// GET /api/generations/:id/events -> text/event-stream for one clip; closes after a terminal status
export const GET = route({ auth: "user", params }, ({ req, access, params }) =>
  openGenerationEvents(db(), access, req.signal, { generationId: params.id, lastEventId: req.headers.get("last-event-id") }),
);
