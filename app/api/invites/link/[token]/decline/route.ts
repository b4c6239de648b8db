import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { declineInvite } from "@/lib/server/teams/decline-invite";
import { tokenParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// POST /api/invites/link/:token/decline -> {ok: true} (valid token; a single-use link is closed by it)
export const POST = route({ auth: "user", params: tokenParams }, async ({ access, params, ip }) => {
  await declineInvite(db(), access, { kind: "link", token: params.token }, { ip });
  return { ok: true };
});
