import "server-only";

// What the public share routes serve: the files a link gives access to. The link views
// and expiry limits the owner's panel uses are in lib/shared/share-link-views.ts; the
// token form is the one link-token rule (lib/shared/link-token.ts).

/** The files a share link serves (no preview: the page shows the full clip). */
export const SHARE_FILES = ["video.mp4", "poster.jpg", "cover.jpg"] as const;
export type ShareFile = (typeof SHARE_FILES)[number];
