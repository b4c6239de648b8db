import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { TeamRole } from "@/lib/shared/team-roles";
import type { ChangeMeta } from "./audit-meta";
import { assertMayAssign, assertOutranks } from "../permissions/member-rank";

/** Sets a member's role (never OWNER: ownership moves by transfer). Returns the new role. */
export async function changeMemberRole(
  client: Db,
  access: Access,
  teamId: string,
  userId: string,
  role: TeamRole,
  meta: ChangeMeta = {},
): Promise<{ userId: string; role: TeamRole }> {
  const actorRole = assertCan(access, teamId, "team.manageMembers");
  return writeTransaction(client, async (tx) => {
    const target = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
    if (!target) throw new AppError("not_found");
    assertOutranks(actorRole, target.role, userId === access.actor.id);
    assertMayAssign(actorRole, role);
    if (target.role === role) return { userId, role };
    // Conditional on the role we checked: a concurrent change (or transfer) makes this one a conflict.
    const done = await tx.membership.updateMany({ where: { teamId, userId, role: target.role }, data: { role } });
    if (done.count !== 1) throw new AppError("conflict");
    await recordAudit(tx, {
      teamId,
      actorId: access.actor.id,
      action: "member.role",
      targetType: "member",
      targetId: userId,
      data: { from: target.role, to: role },
      ip: meta.ip,
    });
    return { userId, role };
  });
}
