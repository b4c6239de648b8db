import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { ChangeMeta } from "./audit-meta";
import { linkTokenHash, newLinkToken } from "../link-token";
import { openInviteWhere } from "./invite-state";
import { inviteView, inviteViewSelect } from "./invite-view";
import { assertMayInviteAs } from "../permissions/member-rank";
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
  const row = await client.$transaction(async (tx) => {
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

/** An invitation of an existing account by its email (no token: the addressee sees it in the app).
 *  An open invitation to the same address is replaced by the new one. */
export async function createEmailInvite(
  client: Db,
  access: Access,
  teamId: string,
  input: Extract<InviteBody, { kind: "email" }>,
  meta: ChangeMeta = {},
): Promise<InviteView> {
  const actorRole = assertCan(access, teamId, "team.invite");
  assertMayInviteAs(actorRole, input.role);
  const email = input.email;
  const user = await client.user.findUnique({ where: { email }, select: { id: true } });
  // Only "no account with this email": nothing about disabled accounts or anything else.
  if (!user) throw new AppError("validation_failed", { fields: [{ path: "email", key: "errors.field.invite_email_unknown" }] });
  const row = await client.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId: user.id } }, select: { id: true } });
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
