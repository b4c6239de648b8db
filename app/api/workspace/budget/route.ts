import { db } from "@/lib/server/db";
import { budgetsLeft } from "@/lib/server/budgets/budgets-left";
import { AppError } from "@/lib/server/errors";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { route } from "@/lib/server/http/route";
import { assertWorkspace, canGenerateIn } from "@/lib/server/permissions";
import { workspaceQuerySchema } from "@/lib/shared/gallery-filters";

export const runtime = "nodejs";

// GET /api/workspace/budget[?team=<id>] -> {timeZone, items: [{scope, limitFen, spentFen, remainingFen}]}
// What is left of the budgets a new clip here would count against, for whoever may generate here:
// not a member → 404, a viewer (who cannot generate) → 403 team_role_forbidden.
export const GET = route({ auth: "user", query: workspaceQuerySchema }, async ({ access, query }) => {
  const ws = assertWorkspace(access, workspaceOf(query));
  if (!canGenerateIn(access, ws)) throw new AppError("team_role_forbidden");
  return budgetsLeft(db(), access.actor.id, ws.kind === "team" ? ws.teamId : null);
});
