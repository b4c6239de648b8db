import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { accessOf } from "@/lib/server/permissions";
import { listMyInvites } from "@/lib/server/teams/my-invites";

export const runtime = "nodejs";

// GET /api/invites -> {invites: PendingInvite[]} (open email invitations addressed to the actor)
export const GET = route({ auth: "user" }, async ({ actor }) => {
  const access = await accessOf(db(), actor);
  return { invites: await listMyInvites(db(), access) };
});
