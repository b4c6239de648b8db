import "server-only";
import type { Mode } from "@/lib/shared/generation-schemas";
import type { Db } from "../db";
import { type DbMode, MODE_OF_DB } from "@/lib/shared/generation-mode";
import { isLinkToken } from "@/lib/shared/link-token";
import { linkTokenHash } from "../link-token";
import { linkStatus } from "./link-status";
import { mediaUrlsFor } from "../media-access/media-urls";
import type { Storage } from "../storage";
import { storage } from "../storage/instance";

// Visitors' side of share links. Every page load and every media request resolves the token afresh
// from the database (nothing is cached across requests), so a revoked or expired link, a deleted clip
// or a deleted team answers 404 on the very next request.

export interface ResolvedShare {
  linkId: string;
  allowDownload: boolean;
  showPrompt: boolean;
  generation: {
    id: string;
    ownerId: string;
    teamId: string | null;
    deletedAt: Date | null;
    prompt: string;
    createdAt: Date;
    mode: DbMode;
    params: unknown;
    width: number | null;
    height: number | null;
    durationMs: number | null;
    assets: { kind: "VIDEO" | "COVER" | "POSTER" | "PREVIEW"; storageKey: string; mime: string }[];
  };
}

/** The live link of `token`, or null (unknown, malformed, revoked, expired, clip gone or not stored). */
export async function resolveShareToken(client: Db, token: string, now = new Date()): Promise<ResolvedShare | null> {
  if (!isLinkToken(token)) return null;
  const link = await client.shareLink.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      allowDownload: true,
      showPrompt: true,
      generation: {
        select: {
          id: true,
          ownerId: true,
          teamId: true,
          deletedAt: true,
          status: true,
          prompt: true,
          createdAt: true,
          mode: true,
          params: true,
          width: true,
          height: true,
          durationMs: true,
          team: { select: { deletedAt: true } },
          assets: { select: { kind: true, storageKey: true, mime: true } },
        },
      },
    },
  });
  if (!link || linkStatus(link, now) !== "active") return null;
  if (!link.generation) return null; // a film export's link (resolveSharedExport)
  const { status, team, ...generation } = link.generation;
  if (generation.deletedAt !== null || status !== "STORED" || (team && team.deletedAt !== null)) return null;
  return { linkId: link.id, allowDownload: link.allowDownload, showPrompt: link.showPrompt, generation };
}

/** Whether this load is a view: not when the page re-renders in place (the language switch's refresh). */
export interface ViewCounting {
  countView?: boolean;
}

/** One page load of /s/<token>: views + 1 and lastViewedAt, atomically in the database. Media
 *  requests (many Range requests per playback) do not count. */
export async function countShareView(client: Db, linkId: string): Promise<void> {
  await client.shareLink.updateMany({ where: { id: linkId }, data: { views: { increment: 1 }, lastViewedAt: new Date() } });
}

/** What the public page shows: nothing of the workspace (no owner, team, tags, costs or ids). */
export interface SharedClipView {
  mode: Mode;
  aspectRatio: string | null;
  createdAt: string;
  prompt: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  videoUrl: string;
  posterUrl: string | null;
  downloadUrl: string | null;
  /** Link-preview card (Open Graph): paths that answer signed out for as long as the link lives,
   *  unlike the player's signed URLs, which expire in minutes (a chat app fetches the card later). */
  card: SharedCard;
}

/** The media a chat app's link preview fetches: through /api/s/<token>/…, checked per request. */
export interface SharedCard {
  imagePath: string | null;
  videoPath: string;
}

function sharedMediaUrl(token: string, file: string, download = false): string {
  return `/api/s/${token}/${file}${download ? "?download=1" : ""}`;
}

function aspectOf(params: unknown, width: number | null, height: number | null): string | null {
  const p = params !== null && typeof params === "object" ? (params as Record<string, unknown>) : {};
  if (typeof p.aspectRatio === "string") return p.aspectRatio;
  if (width && height) return `${width}×${height}`;
  return null;
}

/** The page's data for `token`, counting this load as one view; null → 404. The player's URLs are
 *  signed for exactly this clip's objects (audience: the link), so the many Range requests of a
 *  playback need no token lookup; they work for minutes (media-access/media-urls.ts), and revoking
 *  the link stops the next page load. The download stays on /api/s/<token> (checked per request). */
export async function loadSharedClip(client: Db, token: string, { countView = true }: ViewCounting = {}, store: Storage = storage()): Promise<SharedClipView | null> {
  const shared = await resolveShareToken(client, token);
  if (!shared) return null;
  const g = shared.generation;
  const byKind = new Map(g.assets.map((a) => [a.kind, a]));
  const video = byKind.get("VIDEO");
  if (!video) return null;
  if (countView) await countShareView(client, shared.linkId);
  const poster = byKind.get("POSTER") ?? byKind.get("COVER");
  const urls = await mediaUrlsFor(store, { shareLinkId: shared.linkId });
  return {
    mode: MODE_OF_DB[g.mode],
    aspectRatio: aspectOf(g.params, g.width, g.height),
    createdAt: g.createdAt.toISOString(),
    prompt: shared.showPrompt ? g.prompt : null,
    width: g.width,
    height: g.height,
    durationMs: g.durationMs,
    videoUrl: urls.url({ key: video.storageKey, contentType: video.mime }),
    posterUrl: poster ? urls.url({ key: poster.storageKey, contentType: poster.mime }) : null,
    downloadUrl: shared.allowDownload ? sharedMediaUrl(token, "video.mp4", true) : null,
    card: { imagePath: poster ? sharedMediaUrl(token, poster.kind === "POSTER" ? "poster.jpg" : "cover.jpg") : null, videoPath: sharedMediaUrl(token, "video.mp4") },
  };
}

/** What the public page shows for a shared film export: the film's title, its length and size, the
 *  player's signed URLs (audience: the link). Nothing else of the workspace. */
export interface SharedFilmView {
  title: string;
  createdAt: string;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  videoUrl: string;
  posterUrl: string | null;
  card: SharedCard;
}

export interface ResolvedSharedExport {
  linkId: string;
  allowDownload: boolean;
  createdAt: Date;
  title: string;
  storageKey: string;
  posterKey: string | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

/** The live link of `token` to a READY, not deleted export of a film that is not deleted (team too), or null. */
export async function resolveSharedExport(client: Db, token: string, now = new Date()): Promise<ResolvedSharedExport | null> {
  if (!isLinkToken(token)) return null;
  const link = await client.shareLink.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      allowDownload: true,
      filmExport: {
        select: {
          status: true,
          deletedAt: true,
          storageKey: true,
          posterKey: true,
          durationMs: true,
          width: true,
          height: true,
          finishedAt: true,
          film: { select: { title: true, deletedAt: true, team: { select: { deletedAt: true } } } },
        },
      },
    },
  });
  const e = link?.filmExport;
  if (!link || !e || linkStatus(link, now) !== "active") return null;
  if (e.status !== "READY" || e.deletedAt !== null || !e.storageKey || e.film.deletedAt !== null || (e.film.team && e.film.team.deletedAt !== null)) return null;
  return {
    linkId: link.id,
    allowDownload: link.allowDownload,
    createdAt: e.finishedAt ?? now,
    title: e.film.title,
    storageKey: e.storageKey,
    posterKey: e.posterKey,
    durationMs: e.durationMs,
    width: e.width,
    height: e.height,
  };
}

/** The page's data for a film export's `token`, counting this load as one view; null → 404. */
export async function loadSharedFilm(client: Db, token: string, { countView = true }: ViewCounting = {}, store: Storage = storage(), now = new Date()): Promise<SharedFilmView | null> {
  const e = await resolveSharedExport(client, token, now);
  if (!e) return null;
  if (countView) await countShareView(client, e.linkId);
  const urls = await mediaUrlsFor(store, { shareLinkId: e.linkId });
  return {
    title: e.title,
    createdAt: e.createdAt.toISOString(),
    durationMs: e.durationMs,
    width: e.width,
    height: e.height,
    videoUrl: urls.url({ key: e.storageKey, contentType: "video/mp4" }),
    posterUrl: e.posterKey ? urls.url({ key: e.posterKey, contentType: "image/jpeg" }) : null,
    card: { imagePath: e.posterKey ? sharedMediaUrl(token, "poster.jpg") : null, videoPath: sharedMediaUrl(token, "video.mp4") },
  };
}
