import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertCan, roleIn } from "../permissions";
import type { ChangeMeta } from "./audit-meta";
import { assertOutranks } from "../permissions/member-rank";

/** Removes another member (strictly lower rank than the actor). Takes effect on their next request:
 *  accessOf reads memberships from the database every time. */
export async function removeMember(client: Db, access: Access, teamId: string, userId: string, meta: ChangeMeta = {}): Promise<void> {
  if (userId === access.actor.id) return leaveTeam(client, access, teamId, meta);
  const actorRole = assertCan(access, teamId, "team.manageMembers");
  await writeTransaction(client, async (tx) => {
    const target = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
    if (!target) throw new AppError("not_found");
    assertOutranks(actorRole, target.role, false);
    const done = await tx.membership.deleteMany({ where: { teamId, userId, role: target.role } });
    if (done.count !== 1) throw new AppError("conflict");
    await recordAudit(tx, {
      teamId,
      actorId: access.actor.id,
      action: "member.remove",
      targetType: "member",
      targetId: userId,
      data: { role: target.role },
      ip: meta.ip,
    });
  });
}

/** The actor leaves the team. The owner cannot: they transfer ownership first (409). */
export async function leaveTeam(client: Db, access: Access, teamId: string, meta: ChangeMeta = {}): Promise<void> {
  if (roleIn(access, teamId) === "OWNER") throw new AppError("owner_must_transfer");
  const role = assertCan(access, teamId, "team.leave");
  const userId = access.actor.id;
  await writeTransaction(client, async (tx) => {
    // Not the owner now either (a transfer may have just made them owner): the team keeps its owner.
    const done = await tx.membership.deleteMany({ where: { teamId, userId, role: { not: "OWNER" } } });
    if (done.count !== 1) {
      const still = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
      throw new AppError(still?.role === "OWNER" ? "owner_must_transfer" : "not_found");
    }
    await recordAudit(tx, { teamId, actorId: userId, action: "member.leave", targetType: "member", targetId: userId, data: { role }, ip: meta.ip });
  });
}
