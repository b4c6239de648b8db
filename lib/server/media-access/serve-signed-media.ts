import "server-only";
import { AppError } from "../errors";
import { MEDIA_CSP } from "../media/media-csp";
import { type ServeRangeOptions, serveRange } from "../media/serve-range";
import { type MediaUrlKey, verifyMediaUrl } from "../media/signed-url";
import type { Storage } from "../storage/storage";

// GET|HEAD /api/media/signed/<key>?e=&a=&s= — the app's own byte server for signed media URLs,
// for setups without nginx's secure_link (docs/deploy.md). The URL is the authorization: its
// signature and expiry are checked with one HMAC, and then the object is streamed with Range
// support. Deliberately no session, no database read: a player's many Range requests cost no
// queries (the page that issued the URL authorized the viewer once). Two writers share this:
// the route handler (a Web Response) and, in production, the node:http fast path in front of Next
// (signed-media-node.ts), which answers the same requests without Next's per-request work.

const TYPE_OF_EXTENSION: Record<string, string> = {
  mp4: "video/mp4",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** Same as media-urls.ts asks the bucket for, and as the nginx recipe sets. */
const CACHE_CONTROL = "private, max-age=300";

/** Set on every answer of a signed media URL, on top of the range headers. */
export const SIGNED_MEDIA_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": MEDIA_CSP,
  // Another site cannot embed a leaked URL (browsers enforce this on no-cors media loads), and a
  // URL never leaves in a Referer.
  "cross-origin-resource-policy": "same-origin",
  "referrer-policy": "no-referrer",
};

/** The object a signed URL names and how to serve it, or the coded refusal (403 invalid, 410 expired). */
export function signedMediaTarget(store: Storage, key: MediaUrlKey, pathname: string, search: string, nowMs = Date.now()): ServeRangeOptions {
  const check = verifyMediaUrl(key, pathname, search, nowMs);
  if (!check.ok) throw new AppError(check.reason === "expired" ? "media_url_expired" : "media_url_invalid");
  const ext = check.key.slice(check.key.lastIndexOf(".") + 1).toLowerCase();
  return { storage: store, key: check.key, contentType: TYPE_OF_EXTENSION[ext] ?? "application/octet-stream", cacheControl: CACHE_CONTROL };
}

export async function serveSignedMedia(store: Storage, key: MediaUrlKey, req: Request, nowMs = Date.now()): Promise<Response> {
  const url = new URL(req.url);
  const res = await serveRange(req, signedMediaTarget(store, key, url.pathname, url.search, nowMs));
  for (const [name, value] of Object.entries(SIGNED_MEDIA_HEADERS)) res.headers.set(name, value);
  return res;
}
