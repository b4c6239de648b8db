import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, can } from "../permissions";
import type { TeamRole } from "@/lib/shared/team-roles";
import type { ChangeMeta } from "./audit-meta";
import { findOpenInvite, type InviteTarget } from "./find-open-invite";
import { openInviteWhere } from "./invite-state";

/** Joins the team of an open invitation, in one transaction. The use is taken by a conditional
 *  update (uses < maxUses, still open), so N concurrent accepts of a link with k uses left create
 *  exactly k memberships; the unique (teamId, userId) makes a double accept `already_member`. */
export async function acceptInvite(
  client: Db,
  access: Access,
  target: InviteTarget,
  meta: ChangeMeta = {},
): Promise<{ teamId: string; role: TeamRole }> {
  const userId = access.actor.id;
  try {
    return await writeTransaction(client, async (tx) => {
      const invite = await findOpenInvite(tx, access, target);
      const member = can(access, invite.teamId, "team.view")
        ? true
        : await tx.membership.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId } }, select: { id: true } });
      if (member) throw new AppError("already_member");
      const used = await tx.teamInvite.updateMany({
        where: { id: invite.id, ...openInviteWhere(tx) },
        data: { uses: { increment: 1 } },
      });
      if (used.count !== 1) throw new AppError("team_invite_invalid");
      await tx.membership.create({ data: { teamId: invite.teamId, userId, role: invite.role } });
      await recordAudit(tx, {
        teamId: invite.teamId,
        actorId: userId,
        action: "member.join",
        targetType: "member",
        targetId: userId,
        data: { role: invite.role, via: target.kind, inviteId: invite.id },
        ip: meta.ip,
      });
      return { teamId: invite.teamId, role: invite.role };
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("already_member");
    throw err;
  }
}
