import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { teamParams } from "@/lib/server/teams/schemas";
import { accessOf, assertCan } from "@/lib/server/permissions";
import { clearTeamBudget, setTeamBudget, teamBudgetView } from "@/lib/server/budgets/budget-settings";
import { putTeamBudgetSchema, teamBudgetKeySchema } from "@/lib/shared/budget-schemas";

export const runtime = "nodejs";


// GET /api/teams/:teamId/budgets -> TeamBudgetView (team.viewUsage: owners and admins)
export const GET = route({ auth: "user", params: teamParams }, async ({ actor, params }) => {
  const access = await accessOf(db(), actor);
  assertCan(access, params.teamId, "team.viewUsage");
  return teamBudgetView(db(), params.teamId);
});

// PUT /api/teams/:teamId/budgets {scope, userId?, limitFen} -> {scope, userId, limitFen, previousFen, changed}
export const PUT = route({ auth: "user", params: teamParams, body: putTeamBudgetSchema }, async ({ actor, params, body, ip }) => {
  const access = await accessOf(db(), actor);
  assertCan(access, params.teamId, "team.manageBudgets");
  return setTeamBudget(db(), params.teamId, body, { actorId: actor.id, ip });
});

// DELETE /api/teams/:teamId/budgets {scope, userId?} -> same shape, limitFen null (no limit)
export const DELETE = route({ auth: "user", params: teamParams, body: teamBudgetKeySchema }, async ({ actor, params, body, ip }) => {
  const access = await accessOf(db(), actor);
  assertCan(access, params.teamId, "team.manageBudgets");
  return clearTeamBudget(db(), params.teamId, body, { actorId: actor.id, ip });
});
