import { db } from "@/lib/server/db";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { route } from "@/lib/server/http/route";
import { promptHistory } from "@/lib/server/studio-drafts/prompt-history";
import { workspaceQuerySchema } from "@/lib/shared/gallery-filters";

export const runtime = "nodejs";

// GET /api/studio/prompts[?team=<id>] -> {prompts: [{prompt, usedAt}]}: the actor's last 20 distinct
// prompts in the workspace, newest first (the studio's prompt history; same rights as the draft).
export const GET = route({ auth: "user", query: workspaceQuerySchema }, ({ access, query }) => promptHistory(db(), access, workspaceOf(query)));
