import "server-only";
import { env } from "../env";
import { mediaUrlExpiry, signMediaUrl } from "../media/signed-url";
import type { PresignGet, Storage } from "../storage/storage";
import { mediaUrlKey } from "./media-url-key";

// Issuing media URLs: called where a page or an API answer has ALREADY authorized the viewer
// (permissions, share link), once per page view / answer. Every URL opens exactly one object until it
// expires (MEDIA_URL_TTL_SECONDS, rounded up; docs/deploy.md, "Signed media URLs"):
//   - local storage: /api/media/signed/<key>?… checked by nginx's secure_link or by the app's route;
//   - S3: a presigned GET the bucket (or a CDN in front of it) checks.
// Revocation is therefore per page view, not per byte: removing a member, disabling an account or
// revoking a share link stops the next page view from getting URLs; URLs already issued keep working
// until they expire (minutes).

/** Who the URLs are issued to; signed into them (local) so a URL in a log names its holder. */
export type MediaAudience = { userId: string } | { shareLinkId: string };

interface MediaUrlRequest {
  key: string;
  contentType: string;
}

export interface MediaUrls {
  url(req: MediaUrlRequest): string;
}

/** What the byte server answers with, as the media routes always have (private: per viewer). */
const CACHE_CONTROL = "private, max-age=300";

function audienceOf(a: MediaAudience): string {
  return "userId" in a ? `u.${a.userId}` : `s.${a.shareLinkId}`;
}

export async function mediaUrlsFor(store: Storage, audience: MediaAudience, nowMs = Date.now()): Promise<MediaUrls> {
  const ttl = env().MEDIA_URL_TTL_SECONDS;
  const expires = mediaUrlExpiry(nowMs, ttl);
  if (store.presigner) {
    const presign: PresignGet = await store.presigner();
    // The presigned lifetime ends at the same rounded expiry; the signing time is rounded down to the
    // same step, so the URL stays byte-identical (cacheable) across page views within a step.
    const step = Math.max(1, Math.floor(ttl / 4));
    const signedAt = Math.floor(nowMs / 1000 / step) * step;
    return {
      url: (r) =>
        presign(r.key, {
          now: new Date(signedAt * 1000),
          expiresInSeconds: expires - signedAt,
          contentType: r.contentType,
          contentDisposition: "inline",
          cacheControl: CACHE_CONTROL,
        }),
    };
  }
  const key = mediaUrlKey();
  const aud = audienceOf(audience);
  return { url: (r) => signMediaUrl(key, { key: r.key, expires, audience: aud }) };
}
