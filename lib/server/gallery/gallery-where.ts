import "server-only";
import { boundOf, type GalleryFilters } from "@/lib/shared/gallery-filters";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { DB_MODE_OF } from "@/lib/shared/generation-mode";
import { type Access, assertWorkspace, type Workspace, workspaceGenerationsWhere } from "../permissions";
import { normalizeForSearch } from "../generations/prompt-search";

// The gallery's filters as one Prisma `where`. Visibility comes from permissions (the workspace's clips,
// not deleted; a team the actor is not in is 404) and is ANDed with everything else, so no filter can
// widen what the actor sees. Equality filters
// (owner, deletedAt, status/mode) come first so the (ownerId, deletedAt, [status|mode,] createdAt, id)
// indexes serve both the filter and the order.

export function workspaceOf(f: { team?: string }): Workspace {
  return f.team ? { kind: "team", teamId: f.team } : { kind: "personal" };
}

export function galleryWhere(access: Access, f: GalleryFilters): Prisma.GenerationWhereInput {
  const actor = access.actor;
  const ws = assertWorkspace(access, workspaceOf(f));
  const and: Prisma.GenerationWhereInput[] = [];
  if (f.mode) and.push({ mode: DB_MODE_OF[f.mode] });
  if (f.status?.length) and.push(f.status.length === 1 ? { status: f.status[0] } : { status: { in: f.status } });
  if (f.from || f.to) {
    and.push({
      createdAt: {
        ...(f.from ? { gte: boundOf(f.from, "from") } : {}),
        ...(f.to ? { lte: boundOf(f.to, "to") } : {}),
      },
    });
  }
  const q = f.q ? normalizeForSearch(f.q) : "";
  // Prisma escapes % and _ in `contains`, so a search for "100%" means the literal text.
  if (q) and.push({ promptSearch: { contains: q } });
  if (f.favourite === true) and.push({ favourites: { some: { userId: actor.id } } });
  if (f.favourite === false) and.push({ favourites: { none: { userId: actor.id } } });
  if (f.tag) and.push({ tags: { some: { tag: { name: f.tag, ownerId: actor.id, teamId: null } } } });
  // "me" lets the UI filter to the actor's own clips without knowing its id.
  if (f.takeGroup) and.push({ takeGroupId: f.takeGroup });
  if (f.creator) and.push({ ownerId: f.creator === "me" ? actor.id : f.creator });
  return { ...workspaceGenerationsWhere(access, ws), ...(and.length ? { AND: and } : {}) };
}
