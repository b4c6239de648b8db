import type { ShareLinkStatus } from "@/lib/shared/share-link-views";

/**
 * A share link's state at `now`: revoked wins over expired; an expiry equal to now has passed. The
 * owner's list shows it, and a link opens (clip or film export) only while it is "active".
 */
export function linkStatus(l: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ShareLinkStatus {
  if (l.revokedAt) return "revoked";
  if (l.expiresAt && l.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
