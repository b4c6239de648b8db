import "server-only";
import type { GalleryFilters } from "@/lib/shared/gallery-filters";
import type { GenerationPage } from "@/lib/shared/generation-view";
import type { Db } from "../db";
import { AppError } from "../errors";
import { withGalleryFields } from "./enrich-views";
import { galleryWhere } from "./gallery-where";
import type { Access } from "../permissions";
import { toGenerationViews, VIEW_INCLUDE } from "../generations/generation-view";
import { viewerMediaUrls } from "../generations/viewer-media-urls";

// GET /api/generations: the actor's clips, newest (or oldest) first, keyset-paginated on
// (createdAt, id) so a page boundary never skips or repeats a row while new clips are being created
// (newest first: they sort before the cursor; oldest first: after every page already read). The
// cursor is opaque to clients: base64url of "<createdAt ms>.<id>". Filters: lib/shared/gallery-filters.ts.

const LIST_LIMIT_DEFAULT = 20;
const LIST_LIMIT_MAX = 100;

interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.getTime()}.${c.id}`, "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,128})$/.exec(text);
  if (!m?.[1] || !m[2]) throw new AppError("validation_failed", { fields: [{ path: "cursor", key: "errors.field.invalid" }] });
  return { createdAt: new Date(Number(m[1])), id: m[2] };
}

export async function listGenerations(
  client: Db,
  access: Access,
  opts: { limit?: number; cursor?: string } & GalleryFilters = {},
): Promise<GenerationPage> {
  const { limit: rawLimit, cursor, ...filters } = opts;
  const limit = Math.min(Math.max(rawLimit ?? LIST_LIMIT_DEFAULT, 1), LIST_LIMIT_MAX);
  const after = cursor ? decodeCursor(cursor) : null;
  const dir = filters.sort === "oldest" ? "asc" : "desc";
  const beyond = dir === "desc" ? "lt" : "gt";
  const where = galleryWhere(access, filters);
  const rows = await client.generation.findMany({
    where: after
      ? {
          ...where,
          AND: [
            ...(Array.isArray(where.AND) ? where.AND : []),
            { OR: [{ createdAt: { [beyond]: after.createdAt } }, { createdAt: after.createdAt, id: { [beyond]: after.id } }] },
          ],
        }
      : where,
    orderBy: [{ createdAt: dir }, { id: dir }],
    take: limit + 1,
    include: VIEW_INCLUDE,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await withGalleryFields(client, access, await toGenerationViews(client, page, await viewerMediaUrls(access))),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
