import "server-only";
import type { Db } from "../db";
import { linkTokenHash } from "../link-token";
import { isInviteOpen } from "./invite-state";
import type { TeamRole } from "@/lib/shared/team-roles";

/** What the /join landing shows a signed-out visitor holding a link: the team, who invites, the role. */
export interface PublicInvitePreview {
  teamName: string;
  role: TeamRole;
  /** The inviter's display name (null: none set; the page says "someone" rather than show an email). */
  invitedBy: string | null;
  expiresAt: string;
}

/** The open link invitation `token` names, or null. Whoever holds the link may see this: it shows no email. */
export async function publicInvitePreview(client: Db, token: string): Promise<PublicInvitePreview | null> {
  const invite = await client.teamInvite.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: { role: true, maxUses: true, uses: true, expiresAt: true, revokedAt: true, declinedAt: true, team: { select: { name: true, deletedAt: true } }, createdBy: { select: { name: true } } },
  });
  if (!invite || !isInviteOpen(invite) || invite.team.deletedAt) return null;
  return { teamName: invite.team.name, role: invite.role, invitedBy: invite.createdBy.name, expiresAt: invite.expiresAt.toISOString() };
}
