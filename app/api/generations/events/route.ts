import { workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { db } from "@/lib/server/db";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { openGenerationEvents } from "@/lib/server/generations/generation-events";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/generations/events[?team=<id>] -> text/event-stream of `event: generation` (GenerationView)
// for the clips of one workspace (personal when `team` is absent)
export const GET = route({ auth: "user", query: workspaceQuerySchema }, ({ req, access, query }) =>
  openGenerationEvents(db(), access, req.signal, { workspace: workspaceOf(query), lastEventId: req.headers.get("last-event-id") }),
);
