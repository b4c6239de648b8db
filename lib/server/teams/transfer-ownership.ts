import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { ChangeMeta } from "./audit-meta";

/** The owner hands the team to another member: they become OWNER, the old owner ADMIN, atomically. */
export async function transferOwnership(client: Db, access: Access, teamId: string, userId: string, meta: ChangeMeta = {}): Promise<void> {
  assertCan(access, teamId, "team.transfer");
  const ownerId = access.actor.id;
  if (userId === ownerId) throw new AppError("validation_failed", { fields: [{ path: "userId", key: "errors.field.transfer_self" }] });
  await writeTransaction(client, async (tx) => {
    const target = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
    if (!target) throw new AppError("not_found");
    const demoted = await tx.membership.updateMany({ where: { teamId, userId: ownerId, role: "OWNER" }, data: { role: "ADMIN" } });
    if (demoted.count !== 1) throw new AppError("team_role_forbidden");
    const promoted = await tx.membership.updateMany({ where: { teamId, userId, role: target.role }, data: { role: "OWNER" } });
    if (promoted.count !== 1) throw new AppError("conflict");
    await recordAudit(tx, {
      teamId,
      actorId: ownerId,
      action: "team.transfer",
      targetType: "member",
      targetId: userId,
      data: { from: ownerId, to: userId, previousRole: target.role },
      ip: meta.ip,
    });
  });
}
