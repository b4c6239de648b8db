import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { acceptInvite } from "@/lib/server/teams/accept-invite";
import { inviteParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// POST /api/invites/:inviteId/accept -> {teamId, role}
// (an open email invitation addressed to the actor; anyone else's or a missing one is 404)
export const POST = route({ auth: "user", params: inviteParams }, async ({ access, params, ip }) => {
  return acceptInvite(db(), access, { kind: "email", inviteId: params.inviteId }, { ip });
});
