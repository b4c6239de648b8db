import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { previewLinkInvite } from "@/lib/server/teams/preview-invite";
import { tokenParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// GET /api/invites/link/:token -> LinkPreview {team, role, invitedBy, expiresAt, alreadyMember}
// (any signed-in user holding a valid token; invalid/expired/revoked/used up -> 404 team_invite_invalid)
export const GET = route({ auth: "user", params: tokenParams }, async ({ access, params }) => {
  return previewLinkInvite(db(), access, params.token);
});
