import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { json } from "@/lib/server/http/respond";
import { assertCan } from "@/lib/server/permissions";
import { createEmailInvite, createLinkInvite } from "@/lib/server/teams/create-invite";
import { listTeamInvites } from "@/lib/server/teams/list-invites";
import { inviteBody, teamParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// GET /api/teams/:teamId/invites -> {invites: InviteView[]} (team.invite: owner, admin; open invites only)
export const GET = route({ auth: "user", params: teamParams }, async ({ access, params }) => {
  assertCan(access, params.teamId, "team.invite");
  return { invites: await listTeamInvites(db(), access, params.teamId) };
});

// POST /api/teams/:teamId/invites (team.invite; role not above the inviter's)
//   {kind: "link", role?, expiresInHours?, maxUses?} -> 201 {invite, token}  (the token is shown only here)
//   {kind: "email", email, role?, expiresInHours?}   -> 201 {invite}
export const POST = route({ auth: "user", params: teamParams, body: inviteBody }, async ({ access, params, body, ip }) => {
  assertCan(access, params.teamId, "team.invite");
  const created =
    body.kind === "link"
      ? await createLinkInvite(db(), access, params.teamId, body, { ip })
      : { invite: await createEmailInvite(db(), access, params.teamId, body, { ip }) };
  return json(created, { status: 201 });
});
