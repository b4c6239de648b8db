import { z } from "zod";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { serveClipMedia } from "@/lib/server/generations/serve-clip-media";
import { route } from "@/lib/server/http/route";
import { CLIP_FILES } from "@/lib/server/storage/keys";
import { storage } from "@/lib/server/storage/instance";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ generationId: idSchema, file: z.enum(CLIP_FILES) });
const query = z.object({ download: z.enum(["1", "true"]).optional() }).loose();

// GET|HEAD /api/media/:generationId/:file[?download=1] -> 200/206/304/416, Cache-Control: private.
// With MEDIA_ACCEL_REDIRECT_PREFIX (local storage behind nginx): the same authorization, then an empty
// 200 with X-Accel-Redirect and nginx sends the bytes.
export const GET = route({ auth: "user", params, query }, ({ req, access, params, query }) =>
  serveClipMedia(db(), storage(), access, req, params.generationId, params.file, query.download !== undefined, {
    accelRedirectPrefix: env().MEDIA_ACCEL_REDIRECT_PREFIX,
  }),
);
export const HEAD = GET;
