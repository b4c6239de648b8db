import "server-only";
import type { Db } from "../db";
import { type Access, assertCan } from "../permissions";
import { openInviteWhere } from "./invite-state";
import { inviteView, inviteViewSelect } from "./invite-view";
import type { InviteView } from "@/lib/shared/team-views";

/** The team's open invitations (usable now), newest first. */
export async function listTeamInvites(client: Db, access: Access, teamId: string): Promise<InviteView[]> {
  assertCan(access, teamId, "team.invite");
  const rows = await client.teamInvite.findMany({
    where: { teamId, ...openInviteWhere(client) },
    select: inviteViewSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map(inviteView);
}
