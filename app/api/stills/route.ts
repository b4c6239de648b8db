import { z } from "zod";
import { pageQueryShape, workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { db } from "@/lib/server/db";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { route } from "@/lib/server/http/route";
import { listWorkspaceStills } from "@/lib/server/stills/gallery-stills";

export const runtime = "nodejs";

const query = z.object({ ...pageQueryShape, ...workspaceQuerySchema.shape });

// GET /api/stills[?team=<id>&limit&cursor] -> {items: GalleryStillView[], nextCursor}
// The workspace's ready stills, newest first (anyone who may view its films; 404 for a team you are not in).
export const GET = route({ auth: "user", query }, ({ access, query }) =>
  listWorkspaceStills(db(), access, workspaceOf(query), { limit: query.limit, cursor: query.cursor }),
);
