import "server-only";
import type { BulkRequest, BulkResult } from "@/lib/shared/gallery-filters";
import type { Db } from "../db";
import type { Access } from "../permissions";
import type { Storage } from "../storage";
import { annotatableIds, setFavourite } from "./annotate-generations";
import { deleteGenerations } from "./delete-generations";
import { applyTags } from "./tags";

// POST /api/generations/bulk. Acts on the visible subset of the ids; ids that are unknown, deleted
// or another user's are only counted (`missing`), never named, so the answer leaks nothing.

export async function bulkAction(client: Db, store: Storage, access: Access, req: BulkRequest): Promise<BulkResult> {
  if (req.action === "delete") {
    const r = await deleteGenerations(client, store, access, req.ids);
    return { action: req.action, done: r.deleted, skipped: r.skipped, missing: r.missing };
  }
  const ids = await annotatableIds(client, access, req.ids);
  const missing = new Set(req.ids).size - ids.length;
  if (req.action === "tag") await applyTags(client, access, ids, req.tags);
  else await setFavourite(client, access, ids, req.favourite);
  return { action: req.action, done: ids, skipped: [], missing };
}
