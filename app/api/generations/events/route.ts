import { db } from "@/lib/server/db";
import { openGenerationEvents } from "@/lib/server/generations/generation-events";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/generations/events -> text/event-stream of `event: generation` (GenerationView) for all the actor's clips
export const GET = route({ auth: "user" }, ({ req, actor }) =>
  openGenerationEvents(db(), actor, req.signal, { lastEventId: req.headers.get("last-event-id") }),
);
