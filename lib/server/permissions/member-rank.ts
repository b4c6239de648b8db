import "server-only";
import { AppError } from "../errors";
import { ROLE_RANK, type TeamRole } from "@/lib/shared/team-roles";
import { ASSIGNABLE_ROLES } from "@/lib/shared/team-limits";

// Part of the authorization module: the rank rules on top of the role table (which says WHO may manage members at all): a manager
// only touches members of strictly lower rank, and never hands out a role at or above their own,
// except the owner, who may give any role but OWNER (ownership moves only by transfer).
// The predicates also drive which controls the team page shows; the asserts guard the services.

/** May `actorRole` change the role of, or remove, a member with `targetRole`? Never oneself. */
export function outranks(actorRole: TeamRole, targetRole: TeamRole, self: boolean): boolean {
  return !self && ROLE_RANK[actorRole] > ROLE_RANK[targetRole];
}

/** The roles `actorRole` may give by a role change. */
export function assignableBy(actorRole: TeamRole): TeamRole[] {
  return ASSIGNABLE_ROLES.filter((r) => actorRole === "OWNER" || ROLE_RANK[r] < ROLE_RANK[actorRole]);
}

/** The roles `actorRole` may give by an invitation: the same as by a role change (an admin cannot
 *  mint a new admin by invitation when they could not promote an existing member to admin). */
export function invitableBy(actorRole: TeamRole): TeamRole[] {
  return assignableBy(actorRole);
}

export function assertOutranks(actorRole: TeamRole, targetRole: TeamRole, self: boolean): void {
  if (!outranks(actorRole, targetRole, self)) throw new AppError("member_rank");
}

export function assertMayAssign(actorRole: TeamRole, next: TeamRole): void {
  if (!assignableBy(actorRole).includes(next)) throw new AppError("member_rank");
}

export function assertMayInviteAs(actorRole: TeamRole, role: TeamRole): void {
  if (!invitableBy(actorRole).includes(role)) throw new AppError("member_rank");
}
