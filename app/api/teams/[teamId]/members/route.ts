import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { assertCan } from "@/lib/server/permissions";
import { listMembers } from "@/lib/server/teams/list-members";
import { teamParams } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// GET /api/teams/:teamId/members -> {members: MemberView[]} (team.view: any member)
export const GET = route({ auth: "user", params: teamParams }, async ({ access, params }) => {
  assertCan(access, params.teamId, "team.view");
  return { members: await listMembers(db(), access, params.teamId) };
});
