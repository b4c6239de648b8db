// The JSON shapes of the team API: the server builds them, the team pages and forms read them.
import type { TeamRole } from "./team-roles";

export interface TeamSummary {
  id: string;
  name: string;
  /** The actor's role in the team. */
  role: TeamRole;
  memberCount: number;
  createdAt: string;
}

export interface MemberView {
  userId: string;
  name: string | null;
  email: string;
  role: TeamRole;
  joinedAt: string;
}

export interface InviteView {
  id: string;
  kind: "link" | "email";
  email: string | null;
  role: TeamRole;
  maxUses: number;
  uses: number;
  expiresAt: string;
  createdAt: string;
  createdBy: { id: string; name: string | null };
}

/** A link invitation right after creation: the only time its token is ever shown. */
export interface CreatedLinkInvite {
  invite: InviteView;
  token: string;
}

/** An email invitation as its addressee sees it. */
export interface PendingInvite {
  id: string;
  team: { id: string; name: string };
  role: TeamRole;
  invitedBy: string | null;
  expiresAt: string;
}

/** What a valid link shows before it is accepted. */
export interface LinkPreview {
  team: { id: string; name: string };
  role: TeamRole;
  invitedBy: string | null;
  expiresAt: string;
  alreadyMember: boolean;
}
