import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { accessOf, assertCan } from "@/lib/server/permissions";
import { clearTeamBudget, putTeamBudgetSchema, setTeamBudget, teamBudgetKeySchema, teamBudgetView } from "@/lib/server/budgets/budget-settings";

export const runtime = "nodejs";

const params = z.object({ teamId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });

// GET /api/teams/:teamId/budgets -> TeamBudgetView (team.viewUsage: owners and admins)
export const GET = route({ auth: "user", params }, async ({ actor, params }) => {
  const access = await accessOf(db(), actor);
  assertCan(access, params.teamId, "team.viewUsage");
  return teamBudgetView(db(), params.teamId);
});

// PUT /api/teams/:teamId/budgets {scope, userId?, limitFen} -> {scope, userId, limitFen, previousFen, changed}
export const PUT = route({ auth: "user", params, body: putTeamBudgetSchema }, async ({ actor, params, body, ip }) => {
  const access = await accessOf(db(), actor);
  assertCan(access, params.teamId, "team.manageBudgets");
  return setTeamBudget(db(), params.teamId, body, { actorId: actor.id, ip });
});

// DELETE /api/teams/:teamId/budgets {scope, userId?} -> same shape, limitFen null (no limit)
export const DELETE = route({ auth: "user", params, body: teamBudgetKeySchema }, async ({ actor, params, body, ip }) => {
  const access = await accessOf(db(), actor);
  assertCan(access, params.teamId, "team.manageBudgets");
  return clearTeamBudget(db(), params.teamId, body, { actorId: actor.id, ip });
});
