import "server-only";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { Db } from "../db";
import { type Access, canAnnotate, canCancel, canDelete, canDownload, canRetry, canShare, can } from "../permissions";
import { displayName } from "@/lib/shared/display-name";

// Adds the per-actor gallery fields (favourite, tags, creator) to views: three batched lookups per
// page, keyed by the page's ids, instead of widening VIEW_INCLUDE (which the SSE streams also use).

export async function withGalleryFields(client: Db, access: Access, views: GenerationView[]): Promise<GenerationView[]> {
  if (views.length === 0) return views;
  const actor = access.actor;
  const ids = views.map((v) => v.id);
  const [favourites, tags, owners] = await Promise.all([
    client.favourite.findMany({ where: { userId: actor.id, generationId: { in: ids } }, select: { generationId: true } }),
    client.generationTag.findMany({
      where: { generationId: { in: ids }, tag: { ownerId: actor.id, teamId: null } },
      select: { generationId: true, tag: { select: { name: true } } },
    }),
    client.generation.findMany({
      where: { id: { in: ids } },
      select: { id: true, ownerId: true, teamId: true, deletedAt: true, owner: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const canMoveSomewhere = [...access.roles.keys()].some((teamId) => can(access, teamId, "clip.generate"));
  const fav = new Set(favourites.map((f) => f.generationId));
  const tagsOf = new Map<string, string[]>();
  for (const t of tags) tagsOf.set(t.generationId, [...(tagsOf.get(t.generationId) ?? []), t.tag.name]);
  const ownerOf = new Map(owners.map((o) => [o.id, o.owner]));
  const rowOf = new Map(owners.map((o) => [o.id, o]));
  return views.map((v) => {
    const owner = ownerOf.get(v.id);
    const row = rowOf.get(v.id);
    return {
      ...v,
      favourite: fav.has(v.id),
      tags: (tagsOf.get(v.id) ?? []).sort((a, b) => a.localeCompare(b)),
      ...(owner ? { creator: { id: owner.id, name: displayName(owner) } } : {}),
      ...(row
        ? {
            teamId: row.teamId,
            rights: {
              download: canDownload(access, row),
              annotate: canAnnotate(access, row),
              share: canShare(access, row),
              delete: canDelete(access, row),
              retry: canRetry(access, row),
              cancel: canCancel(access, row),
              move: row.teamId === null && row.ownerId === actor.id && canMoveSomewhere,
            },
          }
        : {}),
    };
  });
}
