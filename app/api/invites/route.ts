import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { listMyInvites } from "@/lib/server/teams/my-invites";

export const runtime = "nodejs";

// GET /api/invites -> {invites: PendingInvite[]} (open email invitations addressed to the actor)
export const GET = route({ auth: "user" }, async ({ access }) => {
  return { invites: await listMyInvites(db(), access) };
});
