// JSON shapes of the share-link API and limits the UI shares with the server. No "server-only" and
// types/constants only, so the owner's panel (a client component) can import it.

export const SHARE_TTL_MIN_HOURS = 1;
export const SHARE_TTL_MAX_HOURS = 365 * 24;
/** The files a share link serves (no preview: the page shows the full clip). */
export const SHARE_FILES = ["video.mp4", "poster.jpg", "cover.jpg"] as const;
export type ShareFile = (typeof SHARE_FILES)[number];

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** One link as its owners see it (GET /api/generations/:id/share-links). Never contains the token. */
export interface ShareLinkView {
  id: string;
  generationId: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  expiresAt: string | null;
  revokedAt: string | null;
  allowDownload: boolean;
  showPrompt: boolean;
  views: number;
  lastViewedAt: string | null;
  status: ShareLinkStatus;
}

/** POST answer: the link plus its token and URL, shown this one time only. */
export interface CreatedShareLink {
  link: ShareLinkView;
  token: string;
  url: string;
}
