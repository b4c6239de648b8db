import "server-only";

// What the public share routes accept: the token's form and the files a link serves. The link views
// and expiry limits the owner's panel uses are in lib/shared/share-link-views.ts.

/** 256-bit tokens: 32 random bytes in base64url, no padding. */
export const SHARE_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
/** The files a share link serves (no preview: the page shows the full clip). */
export const SHARE_FILES = ["video.mp4", "poster.jpg", "cover.jpg"] as const;
export type ShareFile = (typeof SHARE_FILES)[number];
