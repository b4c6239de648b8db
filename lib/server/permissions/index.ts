import "server-only";
import type { Actor } from "../auth/session";
import { AppError } from "../errors";

// Authorization lives here and nowhere else (DESIGN.md rule 7). Today every object is owner-only;
// teams (issue: teams) and share links add rules in this one module. A query helper and a predicate
// exist for each rule so list queries and single-object checks can never disagree. Callers answer
// "not visible" with 404, never 403, so ids of other tenants are indistinguishable from missing ones.

interface OwnedGeneration {
  ownerId: string;
  teamId: string | null;
  deletedAt: Date | null;
}

interface OwnedUpload {
  ownerId: string;
  teamId: string | null;
}

/** Prisma `where` fragment: the clips `actor` may see (list queries, SSE, cursor pages). */
export function visibleGenerationsWhere(actor: Actor): { ownerId: string; deletedAt: null } {
  return { ownerId: actor.id, deletedAt: null };
}

export function canView(actor: Actor, generation: OwnedGeneration): boolean {
  return generation.deletedAt === null && generation.ownerId === actor.id;
}

/** Cancel and retry spend or refund the owner's money: the owner only. */
export function canCancel(actor: Actor, generation: OwnedGeneration): boolean {
  return canView(actor, generation) && generation.ownerId === actor.id;
}

export function canRetry(actor: Actor, generation: OwnedGeneration): boolean {
  return canView(actor, generation) && generation.ownerId === actor.id;
}

/** Deleting a clip removes its media for everyone: the owner only (team roles come with teams). */
export function canDelete(actor: Actor, generation: OwnedGeneration): boolean {
  return canView(actor, generation) && generation.ownerId === actor.id;
}

/** Favourites and personal tags belong to the actor: anyone who can see the clip may set them. */
export function canAnnotate(actor: Actor, generation: OwnedGeneration): boolean {
  return canView(actor, generation);
}

/** Reading an uploaded image (its preview in the studio). */
export function canViewUpload(actor: Actor, upload: OwnedUpload): boolean {
  return upload.ownerId === actor.id;
}

/** Using an upload as a generation input. */
export function canUseUpload(actor: Actor, upload: OwnedUpload): boolean {
  return upload.ownerId === actor.id;
}

/** Narrowing guard for handlers: a missing or foreign object is the same 404. */
export function assertVisible<T extends OwnedGeneration>(actor: Actor, generation: T | null): T {
  if (!generation || !canView(actor, generation)) throw new AppError("not_found");
  return generation;
}
