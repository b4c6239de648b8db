import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { isValidKey } from "../storage/keys";

// Signed, short-lived media URLs: a page authorizes the viewer once (session, roles or share link,
// from the database) and hands the player `/api/media/signed/<storage key>?e=…&a=…&s=…`. Whoever
// serves the bytes checks only the signature and the expiry — no session, no database:
//   - nginx's secure_link module (MEDIA_URL_SIGNING=nginx-md5, docs/deploy.md): it can only compute
//     MD5 over an expression ending in the secret, so the signature is
//     base64url(MD5("<e>|<uri>|<a>|<secret>")) = `secure_link_md5 "$secure_link_expires|$uri|$arg_a|<secret>"`;
//   - the app's own route (app/api/media/signed/[...key]) for the no-proxy setup; by default
//     (MEDIA_URL_SIGNING=hmac) base64url(HMAC-SHA256(secret, "<e>|<uri>|<a>")). It checks exactly
//     the form the app is configured to issue, so every URL the app hands out works on either server.
// What is signed: the path (the storage key: a URL opens exactly one object, never another clip's),
// the expiry (unix seconds) and the audience (who it was issued to: `u.<userId>` or `s.<shareLinkId>`,
// so a URL in a log names its holder; it is not checked against a session — the byte server has none).
// Always inline: downloads go through the authorizing routes (one request each, checked per request).
// Query values are signed exactly as they appear in the URL (nginx's $arg_* are not decoded), and
// every value is restricted to characters that need no encoding.

export const SIGNED_MEDIA_PREFIX = "/api/media/signed/";

type MediaUrlSigning = "hmac" | "nginx-md5";

export interface MediaUrlKey {
  signing: MediaUrlSigning;
  secret: string;
}

const AUDIENCE_RE = /^[us]\.[A-Za-z0-9_-]{1,64}$/;
const EXPIRES_RE = /^[1-9][0-9]{0,11}$/;

export interface SignedMediaRequest {
  /** Storage key (validated), e.g. clips/<id>/video.mp4. */
  key: string;
  /** Unix seconds after which the URL is refused. */
  expires: number;
  /** `u.<userId>` (signed-in viewer) or `s.<shareLinkId>` (a share link's page). */
  audience: string;
}

function signatureOf(k: MediaUrlKey, expires: string, uri: string, audience: string): string {
  const text = `${expires}|${uri}|${audience}`;
  if (k.signing === "nginx-md5") return createHash("md5").update(`${text}|${k.secret}`).digest("base64url");
  return createHmac("sha256", k.secret).update(text).digest("base64url");
}

/** The path and query of a signed URL for one object. Throws on a bad key or audience (programming error). */
export function signMediaUrl(k: MediaUrlKey, req: SignedMediaRequest): string {
  if (!isValidKey(req.key)) throw new Error(`signMediaUrl: invalid storage key ${JSON.stringify(req.key)}`);
  if (!AUDIENCE_RE.test(req.audience)) throw new Error(`signMediaUrl: invalid audience ${JSON.stringify(req.audience)}`);
  const e = String(Math.floor(req.expires));
  if (!EXPIRES_RE.test(e)) throw new Error(`signMediaUrl: invalid expiry ${e}`);
  const uri = SIGNED_MEDIA_PREFIX + req.key;
  return `${uri}?e=${e}&a=${req.audience}&s=${signatureOf(k, e, uri, req.audience)}`;
}

/** Expiries rounded up to a step of a quarter of the lifetime: the URL of an object stays the same
 *  across page views within a step (the browser's cache keeps working, a re-rendered player keeps
 *  its src), and lives between `ttlSeconds` and 1.25 × `ttlSeconds`. */
export function mediaUrlExpiry(nowMs: number, ttlSeconds: number): number {
  const step = Math.max(1, Math.floor(ttlSeconds / 4));
  return Math.ceil((Math.floor(nowMs / 1000) + ttlSeconds) / step) * step;
}

/** The first value of each query parameter, undecoded (what nginx's $arg_name is). */
function rawArgs(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of search.replace(/^\?/, "").split("&")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    if (name && !out.has(name)) out.set(name, eq < 0 ? "" : part.slice(eq + 1));
  }
  return out;
}

export type SignedMediaCheck =
  | { ok: true; key: string; expires: number; audience: string }
  | { ok: false; reason: "invalid" | "expired" };

/** Checks a request's path and query the way nginx's secure_link does: the signature first, then
 *  the expiry ("expired" only for a genuine URL). `pathname` as received (not decoded: keys need no
 *  encoding, so a path that has any is simply not a valid key). */
export function verifyMediaUrl(k: MediaUrlKey, pathname: string, search: string, nowMs: number): SignedMediaCheck {
  if (!pathname.startsWith(SIGNED_MEDIA_PREFIX)) return { ok: false, reason: "invalid" };
  const key = pathname.slice(SIGNED_MEDIA_PREFIX.length);
  const args = rawArgs(search);
  const e = args.get("e") ?? "";
  const a = args.get("a") ?? "";
  const s = args.get("s") ?? "";
  if (!isValidKey(key) || !EXPIRES_RE.test(e) || !AUDIENCE_RE.test(a)) return { ok: false, reason: "invalid" };
  const want = Buffer.from(signatureOf(k, e, pathname, a));
  const got = Buffer.from(s);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: "invalid" };
  const expires = Number(e);
  if (expires < Math.floor(nowMs / 1000)) return { ok: false, reason: "expired" };
  return { ok: true, key, expires, audience: a };
}
