import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { assertCan } from "@/lib/server/permissions";
import { deleteTeam } from "@/lib/server/teams/delete-team";
import { getTeam } from "@/lib/server/teams/list-teams";
import { renameTeam } from "@/lib/server/teams/rename-team";
import { teamNameBody, teamParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// GET /api/teams/:teamId -> TeamSummary (team.view: any member; others 404)
export const GET = route({ auth: "user", params: teamParams }, async ({ access, params }) => {
  assertCan(access, params.teamId, "team.view");
  return getTeam(db(), access, params.teamId);
});

// PATCH /api/teams/:teamId {name} -> {id, name} (team.rename: owner, admin)
export const PATCH = route({ auth: "user", params: teamParams, body: teamNameBody }, async ({ access, params, body, ip }) => {
  assertCan(access, params.teamId, "team.rename");
  return renameTeam(db(), access, params.teamId, body.name, { ip });
});

// DELETE /api/teams/:teamId -> {ok: true} (team.delete: owner; soft delete)
export const DELETE = route({ auth: "user", params: teamParams }, async ({ access, params, ip }) => {
  assertCan(access, params.teamId, "team.delete");
  await deleteTeam(db(), access, params.teamId, { ip });
  return { ok: true };
});
