import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { IMAGE_SECONDS } from "@/lib/shared/upstream/image-models";
import { signedFileUrl, stillPath } from "./file-urls";
import { drawDurationMs, newTaskId } from "./generation-time";
import { renderStill } from "./render/still-image";
import { sendJson, type SimContext } from "./sim-context";
import { openSyncRequest, withSlot } from "./sync-work";
import { validateImageRequest } from "./validate-media";

// POST /api/paas/v4/images/generations (CogView, synchronous; docs/upstream.md "Images (CogView-4)").
// Checks in the video create's order (auth, balance, overload, validation, content safety, the
// per-key per-model cap), then the still is drawn at the requested size and the answer carries a
// signed URL that expires like the platform's temporary image links.

export async function handleImages(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const r = await openSyncRequest(ctx, req, res, "images", validateImageRequest, (v) => v.prompt);
  if (!r) return;
  const v = r.value;
  const workMs = drawDurationMs(IMAGE_SECONDS[v.quality], ctx.switches.speed, ctx.opts.random);
  await withSlot(ctx, res, r, workMs, async () => {
    const id = newTaskId(ctx.now(), randomBytes(8).toString("hex"));
    const file = stillPath(ctx.opts.cacheDir, id);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, renderStill(v.prompt, v.size.width, v.size.height));
    ctx.stats.billedMedia.images++;
    const nowSeconds = Math.floor(ctx.now() / 1000);
    const url = signedFileUrl(ctx.origin, ctx.fileSecret, id, "image.png", nowSeconds + ctx.switches.imageUrlTtlSeconds);
    sendJson(res, 200, { created: nowSeconds, data: [{ url }] }, r.fault);
  });
}
