import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import type { Access } from "../permissions";
import type { ChangeMeta } from "./audit-meta";
import { findOpenInvite, type InviteTarget } from "./find-open-invite";
import { openInviteWhere } from "./invite-state";

/** Declines an invitation. An email invitation (and a single-use link) is closed by it; a multi-use
 *  link stays open for the others it was shared with, and only the decline is recorded. */
export async function declineInvite(client: Db, access: Access, target: InviteTarget, meta: ChangeMeta = {}): Promise<void> {
  await writeTransaction(client, async (tx) => {
    const invite = await findOpenInvite(tx, access, target);
    const closes = target.kind === "email" || invite.maxUses === 1;
    if (closes) {
      await tx.teamInvite.updateMany({ where: { id: invite.id, ...openInviteWhere(tx) }, data: { declinedAt: new Date() } });
    }
    await recordAudit(tx, {
      teamId: invite.teamId,
      actorId: access.actor.id,
      action: "invite.decline",
      targetType: "invite",
      targetId: invite.id,
      data: { kind: target.kind, role: invite.role },
      ip: meta.ip,
    });
  });
}
