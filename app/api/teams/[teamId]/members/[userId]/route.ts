import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { assertCan } from "@/lib/server/permissions";
import { changeMemberRole } from "@/lib/server/teams/change-member-role";
import { leaveTeam, removeMember } from "@/lib/server/teams/remove-member";
import { memberParams, roleBody } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// PATCH /api/teams/:teamId/members/:userId {role} -> {userId, role}
// (team.manageMembers + rank: only members below the actor; never OWNER; admins give MEMBER/VIEWER)
export const PATCH = route({ auth: "user", params: memberParams, body: roleBody }, async ({ access, params, body, ip }) => {
  assertCan(access, params.teamId, "team.manageMembers");
  return changeMemberRole(db(), access, params.teamId, params.userId, body.role, { ip });
});

// DELETE /api/teams/:teamId/members/:userId -> {ok: true}
// Someone else: team.manageMembers + rank. Oneself: leave (team.leave; the owner gets 409 owner_must_transfer).
export const DELETE = route({ auth: "user", params: memberParams }, async ({ access, actor, params, ip }) => {
  if (params.userId === actor.id) {
    assertCan(access, params.teamId, "team.view"); // leaveTeam then answers the owner 409, others need team.leave
    await leaveTeam(db(), access, params.teamId, { ip });
  } else {
    assertCan(access, params.teamId, "team.manageMembers");
    await removeMember(db(), access, params.teamId, params.userId, { ip });
  }
  return { ok: true };
});
