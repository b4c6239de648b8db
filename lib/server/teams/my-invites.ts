import "server-only";
import { normalizeEmail } from "../auth/login-throttle";
import type { Db } from "../db";
import type { Access } from "../permissions";
import { openInviteWhere } from "./invite-state";
import type { PendingInvite } from "@/lib/shared/team-views";

/** Open email invitations addressed to the actor, to teams they are not in yet. */
export async function listMyInvites(client: Db, access: Access): Promise<PendingInvite[]> {
  const rows = await client.teamInvite.findMany({
    where: {
      ...openInviteWhere(client),
      tokenHash: null,
      email: normalizeEmail(access.actor.email),
      team: { deletedAt: null, memberships: { none: { userId: access.actor.id } } },
    },
    select: { id: true, role: true, expiresAt: true, team: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((r) => ({ id: r.id, team: r.team, role: r.role, invitedBy: r.createdBy.name, expiresAt: r.expiresAt.toISOString() }));
}
