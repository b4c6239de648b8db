import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { normalizeEmail } from "../auth/login-throttle";
import { AppError } from "../errors";
import { linkTokenHash } from "../link-token";
import type { Access } from "../permissions";
import { isInviteOpen } from "./invite-state";

/** How the invitee names an invitation: an email invitation by id, a link by its token. */
export type InviteTarget = { kind: "email"; inviteId: string } | { kind: "link"; token: string };

/** The open invitation `target` names for the access's actor, or 404: an email invitation addressed to someone
 *  else is `not_found` (indistinguishable from a missing id); a stale one is `team_invite_invalid`. */
export async function findOpenInvite(tx: Prisma.TransactionClient, access: Access, target: InviteTarget) {
  const invite = await tx.teamInvite.findFirst({
    where: target.kind === "email" ? { id: target.inviteId, tokenHash: null } : { tokenHash: linkTokenHash(target.token) },
    select: {
      id: true,
      teamId: true,
      email: true,
      role: true,
      maxUses: true,
      uses: true,
      expiresAt: true,
      revokedAt: true,
      declinedAt: true,
      team: { select: { name: true, deletedAt: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invite) throw new AppError(target.kind === "email" ? "not_found" : "team_invite_invalid");
  if (target.kind === "email" && invite.email !== normalizeEmail(access.actor.email)) throw new AppError("not_found");
  if (!isInviteOpen(invite) || invite.team.deletedAt !== null) throw new AppError("team_invite_invalid");
  return invite;
}
