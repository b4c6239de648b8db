import type { TeamRole } from "@/lib/shared/team-roles";
import type { MemberView } from "@/lib/shared/team-views";

// What the team page's server component hands its client parts: data plus what the actor may do
// (computed on the server from the permissions module; the API checks again on every call).

export interface MemberRow extends MemberView {
  self: boolean;
  /** Roles the actor may set on this member; empty = no role control. */
  roleOptions: TeamRole[];
  canRemove: boolean;
}

export interface TeamCaps {
  rename: boolean;
  delete: boolean;
  transfer: boolean;
  invite: boolean;
  leave: boolean;
  /** Roles the actor may hand out by invitation. */
  invitableRoles: TeamRole[];
}

