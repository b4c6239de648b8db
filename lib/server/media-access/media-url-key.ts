import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "../auth/secret";
import { env } from "../env";
import type { MediaUrlKey } from "../media/signed-url";

// The key of signed media URLs, from configuration: MEDIA_URL_SECRET when set (required for nginx,
// whose config holds the same value), else derived from AUTH_SECRET with a purpose label, so the
// session key itself never signs anything else and a leaked media key does not forge sessions.
// Rotating either secret invalidates every media URL already handed out (players recover on the
// next page view, which issues fresh ones).
let cached: { source: string; key: MediaUrlKey } | undefined;

export function mediaUrlKey(): MediaUrlKey {
  const e = env();
  const source = `${e.MEDIA_URL_SIGNING}:${e.MEDIA_URL_SECRET ?? ""}`;
  if (cached?.source !== source) {
    const secret = e.MEDIA_URL_SECRET ?? createHmac("sha256", authSecret()).update("framehouse/media-url/v1").digest("base64url");
    cached = { source, key: { signing: e.MEDIA_URL_SIGNING, secret } };
  }
  return cached.key;
}
