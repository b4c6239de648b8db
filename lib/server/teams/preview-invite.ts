import "server-only";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { type Access, can } from "../permissions";
import { findOpenInvite } from "./find-open-invite";
import type { LinkPreview } from "@/lib/shared/team-views";

/** What a valid link invitation offers (team, role, inviter); anything else is team_invite_invalid. */
export async function previewLinkInvite(client: Db, access: Access, token: string): Promise<LinkPreview> {
  const invite = await writeTransaction(client, (tx) => findOpenInvite(tx, access, { kind: "link", token }));
  return {
    team: { id: invite.teamId, name: invite.team.name },
    role: invite.role,
    invitedBy: invite.createdBy.name,
    expiresAt: invite.expiresAt.toISOString(),
    alreadyMember: can(access, invite.teamId, "team.view"),
  };
}
