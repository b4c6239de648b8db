import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { assertCan } from "@/lib/server/permissions";
import { revokeInvite } from "@/lib/server/teams/revoke-invite";
import { teamInviteParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// DELETE /api/teams/:teamId/invites/:inviteId -> {ok: true} (team.invite: owner, admin; revokes at once)
export const DELETE = route({ auth: "user", params: teamInviteParams }, async ({ access, params, ip }) => {
  assertCan(access, params.teamId, "team.invite");
  await revokeInvite(db(), access, params.teamId, params.inviteId, { ip });
  return { ok: true };
});
