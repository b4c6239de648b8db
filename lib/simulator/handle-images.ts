import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { IMAGE_SECONDS } from "@/lib/shared/upstream/image-models";
import { signedFileUrl, stillPath } from "./file-urls";
import { drawDurationMs, newTaskId } from "./generation-time";
import { isUnsafe, openRequest } from "./open-request";
import { renderStill } from "./render/still-image";
import { sendJson, sendUpstreamError, type SimContext } from "./sim-context";
import { withSlot } from "./sync-work";
import { validateImageRequest } from "./validate-media";

// POST /api/paas/v4/images/generations (CogView, synchronous; docs/upstream.md "Images (CogView-4)").
// Checks in the video create's order (auth, balance, overload, validation, content safety, the
// per-key per-model cap), then the still is drawn at the requested size and the answer carries a
// signed URL that expires like the platform's temporary image links.

export async function handleImages(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const opened = await openRequest(ctx, req, res, "images");
  if (!opened) return;
  const { body, fault } = opened;
  const checked = validateImageRequest(body);
  if (!checked.ok) return sendUpstreamError(ctx, res, checked.code, checked.vars, fault);
  const v = checked.value;
  if (isUnsafe(ctx, v.prompt)) return sendUpstreamError(ctx, res, "1301", {}, fault);

  const workMs = drawDurationMs(IMAGE_SECONDS[v.quality], ctx.switches.speed, ctx.opts.random);
  await withSlot(ctx, res, { ...opened, model: v.model }, workMs, async () => {
    const id = newTaskId(ctx.now(), randomBytes(8).toString("hex"));
    const file = stillPath(ctx.opts.cacheDir, id);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, renderStill(v.prompt, v.size.width, v.size.height));
    ctx.stats.billedMedia.images++;
    const nowSeconds = Math.floor(ctx.now() / 1000);
    const url = signedFileUrl(ctx.origin, ctx.fileSecret, id, "image.png", nowSeconds + ctx.switches.imageUrlTtlSeconds);
    sendJson(res, 200, { created: nowSeconds, data: [{ url }] }, fault);
  });
}
