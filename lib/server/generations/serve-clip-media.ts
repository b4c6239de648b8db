import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { MEDIA_CSP } from "@/lib/server/media/media-csp";
import { accelRedirect } from "../media/accel-redirect";
import { serveRange } from "../media/serve-range";
import { type Access, canDownload, canView } from "../permissions";
import { resolveShareToken } from "../share/resolve";
import type { ShareFile } from "../share/share-views";
import type { ClipFile, Storage } from "../storage";

// GET /api/media/:generationId/:file — a clip's stored media, authorized through permissions (owner;
// team roles; share links through serveSharedClipMedia), only when the Asset row exists (the worker writes it once the object
// is durable). Ranges, 304/416 and HEAD come from serveRange.

const KIND_OF_FILE: Record<ClipFile, "VIDEO" | "COVER" | "POSTER" | "PREVIEW"> = {
  "video.mp4": "VIDEO",
  "cover.jpg": "COVER",
  "poster.jpg": "POSTER",
  "preview.mp4": "PREVIEW",
};

/** `framehouse-2026-11-23-<prompt-slug>.mp4`: letters/digits of any script, at most 48 of them. */
export function downloadName(createdAt: Date, prompt: string, id: string, file: ClipFile): string {
  const ext = file.slice(file.lastIndexOf("."));
  const slug = prompt
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const chars = [...slug];
  let cut = chars.slice(0, 48).join("");
  // Cut at a word boundary when the prompt is longer than the limit.
  if (chars.length > 48 && chars[48] !== "-" && cut.includes("-")) cut = cut.slice(0, cut.lastIndexOf("-"));
  cut = cut.replace(/-+$/, "");
  const day = createdAt.toISOString().slice(0, 10);
  const suffix = file === "video.mp4" ? "" : `-${file.slice(0, file.lastIndexOf("."))}`;
  return `framehouse-${day}-${cut || id.slice(0, 8)}${suffix}${ext}`;
}

/** How the bytes leave the process: streamed by serveRange (default), or — local storage behind
 *  nginx, MEDIA_ACCEL_REDIRECT_PREFIX set — handed to nginx with X-Accel-Redirect after authorizing. */
export interface MediaServing {
  accelRedirectPrefix?: string;
}

const ASSET_SELECT = { storageKey: true, mime: true, sha256: true } as const;

export async function serveClipMedia(
  client: Db,
  store: Storage,
  access: Access,
  req: Request,
  generationId: string,
  file: ClipFile,
  download: boolean,
  serving: MediaServing = {},
): Promise<Response> {
  // The clip with its one asset of this kind in a single query.
  const generation = await client.generation.findUnique({
    where: { id: generationId },
    select: {
      id: true,
      ownerId: true,
      teamId: true,
      deletedAt: true,
      prompt: true,
      createdAt: true,
      assets: { where: { kind: KIND_OF_FILE[file] }, select: ASSET_SELECT },
    },
  });
  if (!generation || !canView(access, generation) || (download && !canDownload(access, generation))) throw new AppError("not_found");
  return serveAsset(store, req, generation, generation.assets[0] ?? null, file, download, "private, max-age=3600", serving);
}

/** GET /api/s/:token/:file — the same media through a share link: the token is resolved on EVERY
 *  request (a revoked or expired link is 404 at once), downloads only when the link allows them.
 *  `private, no-cache`: browsers keep a copy but revalidate (304) each time, so nothing outlives the
 *  link; shared caches never store it. */
export async function serveSharedClipMedia(
  client: Db,
  store: Storage,
  req: Request,
  token: string,
  file: ShareFile,
  download: boolean,
  serving: MediaServing = {},
): Promise<Response> {
  const shared = await resolveShareToken(client, token);
  if (!shared || (download && !shared.allowDownload)) throw new AppError("not_found");
  const asset = await client.asset.findUnique({
    where: { generationId_kind: { generationId: shared.generation.id, kind: KIND_OF_FILE[file] } },
    select: ASSET_SELECT,
  });
  return serveAsset(store, req, shared.generation, asset, file, download, "private, no-cache", serving);
}

async function serveAsset(
  store: Storage,
  req: Request,
  generation: { id: string; prompt: string; createdAt: Date },
  asset: { storageKey: string; mime: string; sha256: string } | null,
  file: ClipFile,
  download: boolean,
  cacheControl: string,
  serving: MediaServing,
): Promise<Response> {
  if (!asset) throw new AppError("not_found");
  const name = download ? downloadName(generation.createdAt, generation.prompt, generation.id, file) : undefined;
  const res =
    serving.accelRedirectPrefix && store.driver === "local"
      ? accelRedirect(req, { prefix: serving.accelRedirectPrefix, key: asset.storageKey, contentType: asset.mime, cacheControl, downloadName: name })
      : await serveRange(req, {
          storage: store,
          key: asset.storageKey,
          contentType: asset.mime,
          cacheControl,
          etag: `"${asset.sha256}"`,
          downloadName: name,
        });
  res.headers.set("content-security-policy", MEDIA_CSP);
  return res;
}
