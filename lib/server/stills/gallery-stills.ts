import "server-only";
import type { GalleryStillsPage, GalleryStillView } from "@/lib/shared/film/still-views";
import type { Db } from "../db";
import { decodeCursor, encodeCursor } from "../gallery/list-generations";
import { viewerMediaUrls } from "../generations/viewer-media-urls";
import { assertFilmWorkspace, type Access, type Workspace, workspaceFilmsWhere } from "../permissions";

// The gallery's Stills view (GET /api/stills): every ready still of the workspace's films, newest
// first, keyset-paginated on (createdAt, id) like the clip list, with the film and shot it belongs to
// so a tile can say "Shot 3 · Night market" and open that shot. Whoever may view the workspace's
// films may see their stills (the same rule as a shot's own list); URLs are signed for this viewer.

const READY = { status: "READY" as const };

export async function listWorkspaceStills(client: Db, access: Access, ws: Workspace, opts: { limit: number; cursor?: string }): Promise<GalleryStillsPage> {
  assertFilmWorkspace(access, ws, "view");
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  const rows = await client.shotStill.findMany({
    where: {
      shot: { film: workspaceFilmsWhere(access, ws) },
      upload: READY,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: {
      id: true,
      prompt: true,
      createdAt: true,
      call: { select: { settledFen: true, costFen: true } },
      upload: { select: { id: true, width: true, height: true, storageKey: true, mime: true } },
      shot: { select: { id: true, filmId: true, sceneHeading: true, startUploadId: true, endUploadId: true, film: { select: { id: true, title: true } } } },
    },
  });
  const page = rows.slice(0, opts.limit);
  const numbers = await shotNumbers(client, [...new Set(page.map((r) => r.shot.filmId))]);
  const urls = await viewerMediaUrls(access);
  const items = page.flatMap((r): GalleryStillView[] => {
    const u = r.upload;
    if (!u) return [];
    return [
      {
        id: r.id,
        prompt: r.prompt,
        url: urls.url({ key: u.storageKey, contentType: u.mime }),
        width: u.width,
        height: u.height,
        costFen: r.call.settledFen ?? r.call.costFen,
        createdAt: r.createdAt.toISOString(),
        film: r.shot.film,
        shot: { id: r.shot.id, number: numbers.get(r.shot.id) ?? 0, sceneHeading: r.shot.sceneHeading },
        usedAs: r.shot.startUploadId === u.id ? "start" : r.shot.endUploadId === u.id ? "end" : null,
      },
    ];
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null };
}

/** Shot id → its 1-based number in its film's order (positions may have gaps after deletes). */
async function shotNumbers(client: Db, filmIds: string[]): Promise<Map<string, number>> {
  if (filmIds.length === 0) return new Map();
  const shots = await client.shot.findMany({ where: { filmId: { in: filmIds } }, select: { id: true, filmId: true }, orderBy: [{ filmId: "asc" }, { position: "asc" }] });
  const seen = new Map<string, number>();
  const out = new Map<string, number>();
  for (const s of shots) {
    const n = (seen.get(s.filmId) ?? 0) + 1;
    seen.set(s.filmId, n);
    out.set(s.id, n);
  }
  return out;
}
