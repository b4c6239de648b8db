import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { acceptInvite } from "@/lib/server/teams/accept-invite";
import { tokenParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// POST /api/invites/link/:token/accept -> {teamId, role} (valid token; 404 team_invite_invalid, 409 already_member)
export const POST = route({ auth: "user", params: tokenParams }, async ({ access, params, ip }) => {
  return acceptInvite(db(), access, { kind: "link", token: params.token }, { ip });
});
