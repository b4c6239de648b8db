import "server-only";
import type { FilmExportEvent } from "@/lib/shared/film/film-export-view";
import { sessionIsLive } from "../auth/session";
import type { Db } from "../db";
import { loadFilm } from "../films/load-film";
import { viewerMediaUrls } from "../generations/viewer-media-urls";
import { pollingEventStream } from "../sse/polling-event-stream";
import { type Access, accessOf, canOnFilm } from "../permissions";
import { EXPORT_SELECT, toExportView } from "./export-view";

// Server-sent events of a film's exports (GET /api/films/:filmId/exports/events): the live channel the
// studio's clips use (generations/generation-events.ts), with the same rule — the database is the bus.
// Every POLL_MS the film's exports whose updatedAt moved are sent as `event: export` (FilmExportView),
// so progress and ETA written by a worker in any process reach the storyboard within about a second
// (the job writes them at most once a second). The first poll replays every export; the session and
// the actor's roles are read again on every poll, so a removed member's stream goes quiet.

const SLACK_MS = 2_000;

export async function openExportEvents(client: Db, access: Access, filmId: string, signal: AbortSignal, opts: { pollMs?: number; pingMs?: number } = {}): Promise<Response> {
  const film = await loadFilm(client, access, filmId, "view");
  const actor = access.actor;
  let watermark = 0;
  const sent = new Map<string, string>();

  return pollingEventStream({
    signal,
    pollMs: opts.pollMs ?? 1_000,
    pingMs: opts.pingMs ?? 15_000,
    label: "film export events",
    poll: async (write) => {
      if (!(await sessionIsLive(client, actor))) return "close";
      const live = await accessOf(client, actor);
      if (!canOnFilm(live, film, "view")) return "close";
      const rows = await client.filmExport.findMany({
        where: { filmId, updatedAt: { gt: new Date(Math.max(0, watermark - SLACK_MS)) } },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take: 200,
        select: { ...EXPORT_SELECT, updatedAt: true, deletedAt: true },
      });
      const fresh = rows.filter((r) => sent.get(r.id) !== `${r.updatedAt.getTime()}|${r.status}|${r.progress}`);
      const urls = fresh.length ? await viewerMediaUrls(live) : null;
      for (const r of fresh) {
        watermark = Math.max(watermark, r.updatedAt.getTime());
        sent.set(r.id, `${r.updatedAt.getTime()}|${r.status}|${r.progress}`);
        // A deleted export is announced once as such, so the storyboard drops it.
        const data: FilmExportEvent = r.deletedAt ? { id: r.id, deleted: true } : toExportView(r, urls!, live.actor.locale);
        write(`event: export\ndata: ${JSON.stringify(data)}\n\n`);
      }
      return "continue";
    },
  });
}
