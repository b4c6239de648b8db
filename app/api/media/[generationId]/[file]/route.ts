import { z } from "zod";
import { db } from "@/lib/server/db";
import { serveClipMedia } from "@/lib/server/generations/serve-clip-media";
import { route } from "@/lib/server/http/route";
import { CLIP_FILES } from "@/lib/server/storage/keys";
import { storage } from "@/lib/server/storage/instance";

export const runtime = "nodejs";

const params = z.object({ generationId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/), file: z.enum(CLIP_FILES) });
const query = z.object({ download: z.enum(["1", "true"]).optional() }).loose();

// GET|HEAD /api/media/:generationId/:file[?download=1] -> 200/206/304/416, Cache-Control: private
export const GET = route({ auth: "user", params, query }, ({ req, actor, params, query }) =>
  serveClipMedia(db(), storage(), actor, req, params.generationId, params.file, query.download !== undefined),
);
export const HEAD = GET;
