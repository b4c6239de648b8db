import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { assertCan } from "@/lib/server/permissions";
import { teamParams, transferBody } from "@/lib/server/teams/schemas";
import { transferOwnership } from "@/lib/server/teams/transfer-ownership";

export const runtime = "nodejs";

// POST /api/teams/:teamId/transfer {userId} -> {ok: true}
// (team.transfer: owner; the target must be a member: they become OWNER, the old owner ADMIN)
export const POST = route({ auth: "user", params: teamParams, body: transferBody }, async ({ access, params, body, ip }) => {
  assertCan(access, params.teamId, "team.transfer");
  await transferOwnership(db(), access, params.teamId, body.userId, { ip });
  return { ok: true };
});
