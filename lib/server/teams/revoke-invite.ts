import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { ChangeMeta } from "./audit-meta";

/** Revokes an invitation of the team; it answers 404 at once. Revoking twice is a no-op. */
export async function revokeInvite(client: Db, access: Access, teamId: string, inviteId: string, meta: ChangeMeta = {}): Promise<void> {
  assertCan(access, teamId, "team.invite");
  await writeTransaction(client, async (tx) => {
    const invite = await tx.teamInvite.findFirst({ where: { id: inviteId, teamId }, select: { role: true, email: true, tokenHash: true } });
    if (!invite) throw new AppError("not_found");
    const done = await tx.teamInvite.updateMany({ where: { id: inviteId, teamId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (done.count !== 1) return;
    await recordAudit(tx, {
      teamId,
      actorId: access.actor.id,
      action: "invite.revoke",
      targetType: "invite",
      targetId: inviteId,
      data: { kind: invite.tokenHash === null ? "email" : "link", role: invite.role, email: invite.email },
      ip: meta.ip,
    });
  });
}
