import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { declineInvite } from "@/lib/server/teams/decline-invite";
import { inviteParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// POST /api/invites/:inviteId/decline -> {ok: true} (an open email invitation addressed to the actor; else 404)
export const POST = route({ auth: "user", params: inviteParams }, async ({ access, params, ip }) => {
  await declineInvite(db(), access, { kind: "email", inviteId: params.inviteId }, { ip });
  return { ok: true };
});
