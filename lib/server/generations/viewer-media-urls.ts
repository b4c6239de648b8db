import "server-only";
import { type MediaUrls, mediaUrlsFor } from "../media-access/media-urls";
import type { Access } from "../permissions";
import { storage } from "../storage/instance";

/** Media URLs for a signed-in viewer whose right to see each clip the caller has already checked
 *  (assertVisible, visibleGenerationsWhere): one signer per answer / page view. */
export function viewerMediaUrls(access: Access): Promise<MediaUrls> {
  return mediaUrlsFor(storage(), { userId: access.actor.id });
}
