import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { MEDIA_CSP } from "../media/media-csp";
import { serveRange } from "../media/serve-range";
import { resolveSharedExport } from "../share/resolve";
import type { ShareFile } from "../share/share-views";
import type { Storage } from "../storage";

// GET /api/s/:token/{video.mp4,poster.jpg} for a film export's link: what a chat app's link preview
// fetches (the page's player uses signed URLs that expire in minutes). Resolved per request like a
// clip's link, so revoking the link stops it at once. An export has no cover image.

export async function serveSharedExportMedia(client: Db, store: Storage, req: Request, token: string, file: ShareFile, download: boolean): Promise<Response> {
  const shared = await resolveSharedExport(client, token);
  if (!shared || (download && !shared.allowDownload)) throw new AppError("not_found");
  const key = file === "video.mp4" ? shared.storageKey : file === "poster.jpg" ? shared.posterKey : null;
  if (!key) throw new AppError("not_found");
  const res = await serveRange(req, {
    storage: store,
    key,
    contentType: file === "video.mp4" ? "video/mp4" : "image/jpeg",
    cacheControl: "private, no-cache",
    ...(download ? { downloadName: `${shared.title.slice(0, 60) || "film"}.mp4` } : {}),
  });
  res.headers.set("content-security-policy", MEDIA_CSP);
  return res;
}
