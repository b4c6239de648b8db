import "server-only";
import { AppError } from "../errors";
import { ROLE_RANK, type TeamRole } from "../permissions/role-table";

// The rank rules on top of the role table (which says WHO may manage members at all): a manager
// only touches members of strictly lower rank, and never hands out a role at or above their own,
// except the owner, who may give any role but OWNER (ownership moves only by transfer).

/** Changing the role of, or removing, `target`: strictly lower rank than the actor, never oneself. */
export function assertOutranks(actorRole: TeamRole, targetRole: TeamRole, self: boolean): void {
  if (self || ROLE_RANK[actorRole] <= ROLE_RANK[targetRole]) throw new AppError("member_rank");
}

/** Giving role `next` by a role change. */
export function assertMayAssign(actorRole: TeamRole, next: TeamRole): void {
  if (next === "OWNER") throw new AppError("member_rank");
  if (actorRole !== "OWNER" && ROLE_RANK[next] >= ROLE_RANK[actorRole]) throw new AppError("member_rank");
}

/** Giving role `role` by an invitation: never OWNER, never above the inviter's own rank. */
export function assertMayInviteAs(actorRole: TeamRole, role: TeamRole): void {
  if (role === "OWNER" || ROLE_RANK[role] > ROLE_RANK[actorRole]) throw new AppError("member_rank");
}
