import "server-only";
import { contentDisposition } from "./serve-range";

// The production fast path for local storage behind nginx (docs/deploy.md, "Media through nginx"):
// the route authorizes exactly as before (session, roles and share links read from the database on
// every request) and then, instead of streaming the bytes through Node, answers with an empty body
// and `X-Accel-Redirect: <prefix><storageKey>`. nginx re-routes the request to an `internal`
// location that aliases DATA_DIR/media/ and serves the file itself (sendfile, Range, If-Range,
// If-None-Match/If-Modified-Since → 304, 416). The validators (ETag, Last-Modified) are therefore
// nginx's own, derived from the file's mtime and size: objects are replaced only by an atomic rename,
// which changes the mtime, so they stay correct.
//
// nginx keeps only some upstream headers on an X-Accel-Redirect: Content-Type, Content-Disposition,
// Cache-Control, Expires, Set-Cookie, Accept-Ranges. The others we set here (CSP, nosniff, the share
// route's Referrer-Policy / X-Robots-Tag) must be re-added in the internal location from
// $upstream_http_* — the documented config does that.

export interface AccelRedirectOptions {
  /** URI prefix of nginx's internal location, e.g. `/_protected_media/` (starts and ends with "/"). */
  prefix: string;
  /** Storage key (validated: `/`-separated segments of [A-Za-z0-9._-], no dot segments). */
  key: string;
  contentType: string;
  cacheControl: string;
  /** Offered as an attachment with this name; inline otherwise. */
  downloadName?: string;
}

/** The internal URI nginx serves for `key`. Every segment is percent-encoded, so nothing in a key
 *  could ever be read as a query string or a path step (keys are validated anyway). */
export function accelRedirectUri(prefix: string, key: string): string {
  return prefix + key.split("/").map(encodeURIComponent).join("/");
}

export function accelRedirect(request: Request, opts: AccelRedirectOptions): Response {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") {
    return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
  }
  return new Response(null, {
    status: 200,
    headers: {
      "x-accel-redirect": accelRedirectUri(opts.prefix, opts.key),
      "content-type": opts.contentType,
      "content-disposition": contentDisposition(opts.downloadName),
      "cache-control": opts.cacheControl,
      "x-content-type-options": "nosniff",
      "accept-ranges": "bytes",
    },
  });
}
