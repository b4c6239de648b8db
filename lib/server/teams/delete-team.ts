import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { ChangeMeta } from "./audit-meta";

/** Soft delete: the row stays (ledger and audit keep their team), accessOf ignores deleted teams. */
export async function deleteTeam(client: Db, access: Access, teamId: string, meta: ChangeMeta = {}): Promise<void> {
  assertCan(access, teamId, "team.delete");
  await writeTransaction(client, async (tx) => {
    const team = await tx.team.findFirst({ where: { id: teamId, deletedAt: null }, select: { name: true } });
    if (!team) throw new AppError("not_found");
    const done = await tx.team.updateMany({ where: { id: teamId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (done.count !== 1) throw new AppError("not_found");
    await recordAudit(tx, {
      teamId,
      actorId: access.actor.id,
      action: "team.delete",
      targetType: "team",
      targetId: teamId,
      data: { name: team.name },
      ip: meta.ip,
    });
  });
}
