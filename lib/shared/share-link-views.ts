// JSON shapes of the share-link API and the expiry limits the owner's panel (a client component)
// shares with the server's request schema. Types and constants only.

export const SHARE_TTL_MIN_HOURS = 1;
export const SHARE_TTL_MAX_HOURS = 365 * 24;

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** One link as its owners see it (GET /api/generations/:id/share-links, GET /api/exports/:id/share-links).
 *  Never contains the token. It opens a clip (generationId) or a film export (filmExportId). */
export interface ShareLinkView {
  id: string;
  generationId: string | null;
  filmExportId: string | null;
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
