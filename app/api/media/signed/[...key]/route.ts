import { localeOfRequest } from "@/lib/server/locale";
import { errorResponse } from "@/lib/server/http/respond";
import { mediaUrlKey } from "@/lib/server/media-access/media-url-key";
import { serveSignedMedia } from "@/lib/server/media-access/serve-signed-media";
import { storage } from "@/lib/server/storage/instance";

export const runtime = "nodejs";

// GET|HEAD /api/media/signed/<storage key>?e=&a=&s= -> 200/206/304/416; 403 media_url_invalid,
// 410 media_url_expired. Public: the signed URL is the authorization (lib/server/media/signed-url.ts),
// so this handler reads no session and no database (not the route() wrapper, which loads the actor).
async function handler(req: Request): Promise<Response> {
  try {
    return await serveSignedMedia(storage(), mediaUrlKey(), req);
  } catch (err) {
    return errorResponse(err, localeOfRequest(req));
  }
}

export const GET = handler;
export const HEAD = handler;
