import "server-only";
import type { PatchGeneration } from "@/lib/shared/gallery-filters";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { Db } from "../db";
import { AppError } from "../errors";
import { generationViewFor } from "../generations/find-generation";
import { isUniqueViolation } from "../db/unique-violation";
import { type Access, assertMay, canAnnotate } from "../permissions";
import { withGalleryFields } from "./enrich-views";
import { applyTags } from "./tags";

// PATCH /api/generations/:id and the bulk tag/favourite actions: the actor's own annotations
// (favourite, personal tags) on clips they can see. Foreign and deleted ids are never touched.

const OWNED_SELECT = { id: true, ownerId: true, teamId: true, deletedAt: true } as const;

/** The subset of `ids` the actor may annotate, in the given order. */
export async function annotatableIds(client: Db, access: Access, ids: string[]): Promise<string[]> {
  const rows = await client.generation.findMany({ where: { id: { in: [...new Set(ids)] } }, select: OWNED_SELECT });
  const ok = new Set(rows.filter((r) => canAnnotate(access, r)).map((r) => r.id));
  return [...new Set(ids)].filter((id) => ok.has(id));
}

/** Favourites are the actor's own marks on clips the caller has already authorized. */
export async function setFavourite(client: Db, access: Access, ids: string[], favourite: boolean): Promise<void> {
  if (ids.length === 0) return;
  const actor = access.actor;
  if (!favourite) {
    await client.favourite.deleteMany({ where: { userId: actor.id, generationId: { in: ids } } });
    return;
  }
  const have = new Set(
    (await client.favourite.findMany({ where: { userId: actor.id, generationId: { in: ids } }, select: { generationId: true } })).map((f) => f.generationId),
  );
  for (const generationId of ids.filter((id) => !have.has(id))) {
    try {
      await client.favourite.create({ data: { userId: actor.id, generationId } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // already a favourite (double click, two tabs)
    }
  }
}

export async function annotateGeneration(client: Db, access: Access, id: string, patch: PatchGeneration): Promise<GenerationView> {
  const row = await client.generation.findUnique({ where: { id }, select: OWNED_SELECT });
  const visible = assertMay(access, row, canAnnotate).id;
  if (patch.favourite !== undefined) await setFavourite(client, access, [visible], patch.favourite);
  if (patch.tags) await applyTags(client, access, [visible], patch.tags);
  return galleryViewFor(client, access, visible);
}

/** GET /api/generations/:id with the gallery fields. */
export async function galleryViewFor(client: Db, access: Access, id: string): Promise<GenerationView> {
  const [view] = await withGalleryFields(client, access, [await generationViewFor(client, access, id)]);
  if (!view) throw new AppError("not_found");
  return view;
}
