import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { ChangeMeta } from "./audit-meta";

export async function renameTeam(client: Db, access: Access, teamId: string, name: string, meta: ChangeMeta = {}) {
  assertCan(access, teamId, "team.rename");
  return writeTransaction(client, async (tx) => {
    const before = await tx.team.findFirst({ where: { id: teamId, deletedAt: null }, select: { name: true } });
    if (!before) throw new AppError("not_found");
    if (before.name === name) return { id: teamId, name };
    await tx.team.update({ where: { id: teamId }, data: { name } });
    await recordAudit(tx, {
      teamId,
      actorId: access.actor.id,
      action: "team.rename",
      targetType: "team",
      targetId: teamId,
      data: { from: before.name, to: name },
      ip: meta.ip,
    });
    return { id: teamId, name };
  });
}
