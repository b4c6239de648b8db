import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { ChangeMeta } from "./audit-meta";
import { linkTokenHash, newLinkToken } from "../link-token";
import { openInviteWhere } from "./invite-state";
import { inviteView, inviteViewSelect } from "./invite-view";
import { assertMayInviteAs } from "../permissions/member-rank";
import { takeEmailInviteToken } from "./invite-rate-limit";
import type { InviteBody } from "./schemas";
import type { CreatedLinkInvite, InviteView } from "@/lib/shared/team-views";

const HOUR_MS = 3600_000;

/** A link invitation: returns the token once; the database keeps only its hash. */
export async function createLinkInvite(
  client: Db,
  access: Access,
  teamId: string,
  input: Extract<InviteBody, { kind: "link" }>,
  meta: ChangeMeta = {},
): Promise<CreatedLinkInvite> {
  const actorRole = assertCan(access, teamId, "team.invite");
  assertMayInviteAs(actorRole, input.role);
  const token = newLinkToken();
  const row = await writeTransaction(client, async (tx) => {
    const created = await tx.teamInvite.create({
      data: {
        teamId,
        tokenHash: linkTokenHash(token),
        role: input.role,
        maxUses: input.maxUses,
        expiresAt: new Date(Date.now() + input.expiresInHours * HOUR_MS),
        createdById: access.actor.id,
      },
      select: inviteViewSelect,
    });
    await recordAudit(tx, {
      teamId,
      actorId: access.actor.id,
      action: "invite.create",
      targetType: "invite",
      targetId: created.id,
      data: { kind: "link", role: input.role, maxUses: input.maxUses, expiresInHours: input.expiresInHours },
      ip: meta.ip,
    });
    return created;
  });
  return { invite: inviteView(row), token };
}

/** An invitation by email (no token: the addressee sees it in the app once signed in with that
 *  address, also if they register only later). An open invitation to the same address is replaced by
 *  the new one. Whether the address has an account is never told: unknown and known addresses get
 *  the same answer (only a current member of this team is a 409, which the inviter can see anyway),
 *  and email invitations are rate-limited per inviter so the endpoint cannot be used to probe. */
export async function createEmailInvite(
  client: Db,
  access: Access,
  teamId: string,
  input: Extract<InviteBody, { kind: "email" }>,
  meta: ChangeMeta = {},
): Promise<InviteView> {
  const actorRole = assertCan(access, teamId, "team.invite");
  assertMayInviteAs(actorRole, input.role);
  takeEmailInviteToken(access.actor.id);
  const email = input.email;
  const row = await writeTransaction(client, async (tx) => {
    const member = await tx.membership.findFirst({ where: { teamId, user: { email } }, select: { id: true } });
    if (member) throw new AppError("already_member");
    const now = new Date();
    await tx.teamInvite.updateMany({
      where: { teamId, email, tokenHash: null, ...openInviteWhere(tx, now) },
      data: { revokedAt: now },
    });
    const created = await tx.teamInvite.create({
      data: {
        teamId,
        email,
        role: input.role,
        maxUses: 1,
        expiresAt: new Date(now.getTime() + input.expiresInHours * HOUR_MS),
        createdById: access.actor.id,
      },
      select: inviteViewSelect,
    });
    await recordAudit(tx, {
      teamId,
      actorId: access.actor.id,
      action: "invite.create",
      targetType: "invite",
      targetId: created.id,
      data: { kind: "email", role: input.role, email, expiresInHours: input.expiresInHours },
      ip: meta.ip,
    });
    return created;
  });
  return inviteView(row);
}
