import { z } from "zod";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { serveSharedExportMedia } from "@/lib/server/film-export/serve-shared-export";
import { serveSharedClipMedia } from "@/lib/server/generations/serve-clip-media";
import { route } from "@/lib/server/http/route";
import { SHARE_HEADERS, shareRateLimiter } from "@/lib/server/share/rate-limit";
import { SHARE_FILES } from "@/lib/server/share/share-views";
import { LINK_TOKEN_PATTERN } from "@/lib/shared/link-token";
import { storage } from "@/lib/server/storage/instance";

export const runtime = "nodejs";

const params = z.object({ token: z.string().regex(LINK_TOKEN_PATTERN), file: z.enum(SHARE_FILES) });
const query = z.object({ download: z.enum(["1", "true"]).optional() }).loose();

// GET|HEAD /api/s/:token/:file[?download=1] — public (no sign-in): a share link's video/poster/cover
// through the same Range implementation as /api/media (200/206/304/416); a film export's link serves
// its video and poster (the link-preview card). Per-IP rate limit (429 + Retry-After). Unknown,
// revoked or expired token, or ?download=1 on a link without download → 404.
const handler = route({ auth: "public", params, query }, async ({ req, params, query, ip }) => {
  const decision = shareRateLimiter().take(ip);
  if (!decision.ok) throw new AppError("rate_limited", { headers: { "Retry-After": String(decision.retryAfterSec) } });
  const download = query.download !== undefined;
  try {
    return await serveSharedClipMedia(db(), storage(), req, params.token, params.file, download, { accelRedirectPrefix: env().MEDIA_ACCEL_REDIRECT_PREFIX });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "not_found") throw e;
    return serveSharedExportMedia(db(), storage(), req, params.token, params.file, download);
  }
});

async function withShareHeaders(req: Request, ctx: { params: Promise<Record<string, string>> }): Promise<Response> {
  const res = await handler(req, ctx);
  for (const [k, v] of Object.entries(SHARE_HEADERS)) res.headers.set(k, v);
  return res;
}

export const GET = withShareHeaders;
export const HEAD = withShareHeaders;
