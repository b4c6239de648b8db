import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { teamParams } from "@/lib/server/teams/schemas";
import { assertCan } from "@/lib/server/permissions";
import { clearTeamBudget, setTeamBudget, teamBudgetView } from "@/lib/server/budgets/budget-settings";
import { putTeamBudgetSchema, teamBudgetKeySchema } from "@/lib/shared/budget-schemas";

export const runtime = "nodejs";


// GET /api/teams/:teamId/budgets -> TeamBudgetView (team.viewUsage: owners and admins)
export const GET = route({ auth: "user", params: teamParams }, async ({ access, params }) => {
  assertCan(access, params.teamId, "team.viewUsage");
  return teamBudgetView(db(), params.teamId);
});

// PUT /api/teams/:teamId/budgets {scope, userId?, limitFen} -> {scope, userId, limitFen, previousFen, changed}
export const PUT = route({ auth: "user", params: teamParams, body: putTeamBudgetSchema }, async ({ access, actor, params, body, ip }) => {
  assertCan(access, params.teamId, "team.manageBudgets");
  return setTeamBudget(db(), params.teamId, body, { actorId: actor.id, ip });
});

// DELETE /api/teams/:teamId/budgets {scope, userId?} -> same shape, limitFen null (no limit)
export const DELETE = route({ auth: "user", params: teamParams, body: teamBudgetKeySchema }, async ({ access, actor, params, body, ip }) => {
  assertCan(access, params.teamId, "team.manageBudgets");
  return clearTeamBudget(db(), params.teamId, body, { actorId: actor.id, ip });
});
