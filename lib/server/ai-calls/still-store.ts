import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { loadSharp } from "@/lib/server/media/load-sharp";
import type { AiCall } from "@/lib/generated/sqlite/client";
import { crashPoint } from "@/lib/server/jobs/crash-point";
import { LeaseLostError } from "@/lib/server/jobs/fence";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { fetchToFile, mediaPolicy } from "@/lib/server/net/fetch-to-file";
import { isSafeFetchError } from "@/lib/server/net/safe-fetch-error";
import { uploadKey } from "@/lib/server/storage";
import { FILM_FRAME_SIZE, type FilmAspect } from "@/lib/shared/film/cut";
import { coverFit } from "@/lib/shared/film/still-size";

// The store step of a STILL call (after its answer was saved and settled): the image behind the
// answer's temporary link is downloaded through the SSRF-safe fetch, fitted to the film's frame
// (scaled to cover, centred, the excess cropped: still-size.ts) and stored as a JPEG Upload under an
// id derived from the call's id, so a re-run after a crash writes the same object and the same row,
// never a second copy. The Upload row and the still's link to it are committed with the job's end.
// A dead link (403/404/410) cannot be fixed by retrying: the still fails "expired" (it was paid for);
// anything else (network, storage) is thrown for the runner to retry with backoff.

const MAX_STILL_BYTES = 20 * 1024 * 1024;
/** CogView's largest image is 2^21 pixels; anything far bigger is not a still we asked for. */
const MAX_INPUT_PIXELS = 8_000_000;
const DEAD = new Set([403, 404, 410]);

function stillUploadId(callId: string): string {
  return createHash("sha256").update(`still:${callId}`).digest("hex").slice(0, 32);
}

export function stillKey(callId: string): string {
  return uploadKey(stillUploadId(callId), "jpg");
}

/** The image fitted to `frame`: scaled by the cover factor, then the centred frame cut out. */
export async function fitToFrame(input: Buffer, frame: { width: number; height: number }): Promise<Buffer> {
  const sharp = await loadSharp();
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  if (!meta.width || !meta.height) throw new Error("the still has no size");
  const fit = coverFit({ width: meta.width, height: meta.height }, frame);
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .resize(fit.scaled.width, fit.scaled.height, { fit: "fill" })
    .extract({ left: fit.crop.x, top: fit.crop.y, width: frame.width, height: frame.height })
    .flatten({ background: "#000000" })
    .jpeg({ quality: 90, chromaSubsampling: "4:4:4" })
    .toBuffer();
}

export async function storeStill(ctx: StepContext, call: AiCall): Promise<void> {
  const { db, storage, scratchDir } = ctx.deps;
  const still = await db.shotStill.findUnique({ where: { callId: call.id }, select: { id: true, uploadId: true, shot: { select: { film: { select: { aspect: true } } } } } });
  // The shot was deleted (its stills with it), or an earlier run finished: nothing left to store.
  if (!still || still.uploadId) {
    await ctx.done();
    return;
  }
  const url = (call.answer as { url?: unknown } | null)?.url;
  if (typeof url !== "string") {
    await ctx.fail("media_invalid", "the answer has no image link");
    return;
  }
  const frame = FILM_FRAME_SIZE[still.shot.film.aspect as FilmAspect];
  const dir = path.join(scratchDir, `still-${call.id}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(dir, { recursive: true });
    const { mediaOrigins } = await ctx.deps.upstream();
    const fetched = await fetchToFile(url, path.join(dir, "still"), { ...mediaPolicy(mediaOrigins), signal: ctx.signal, maxBytes: MAX_STILL_BYTES });
    let fitted: Buffer;
    try {
      fitted = await fitToFrame(await readFile(fetched.path), frame);
    } catch (e) {
      await ctx.fail("media_invalid", `the still is not a readable image: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    ctx.signal.throwIfAborted();
    const key = stillKey(call.id);
    const put = await storage.put(key, fitted, { contentType: "image/jpeg" });
    crashPoint("still.afterStore", call.id);
    const id = stillUploadId(call.id);
    const row = { ownerId: call.ownerId, teamId: call.teamId, storageKey: key, mime: "image/jpeg", width: frame.width, height: frame.height, bytes: put.bytes, sha256: put.sha256, status: "READY" as const };
    await ctx.done({
      effect: async (tx) => {
        await tx.upload.upsert({ where: { id }, create: { id, ...row }, update: row });
        await tx.shotStill.update({ where: { id: still.id }, data: { uploadId: id } });
      },
    });
    logger.info("still.rehosted", { callId: call.id, stillId: still.id, bytes: put.bytes, width: frame.width, height: frame.height });
  } catch (e) {
    if (e instanceof LeaseLostError || ctx.signal.aborted) throw e;
    if (isSafeFetchError(e) && e.code === "http_status" && e.status !== undefined && DEAD.has(e.status)) {
      logger.error("still.link_expired", { callId: call.id, status: e.status });
      await ctx.fail("expired", `the still's link answered HTTP ${e.status}`);
      return;
    }
    if (isSafeFetchError(e) && (e.code.startsWith("blocked_") || e.code === "too_many_redirects" || e.code === "too_large")) {
      await ctx.fail("download_refused", `the still's link was refused by our download policy (${e.code})`);
      return;
    }
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** After a failed store: an interrupted attempt may have stored the object without its row. */
export async function dropUnrecordedStill(deps: StepContext["deps"], callId: string): Promise<void> {
  const id = stillUploadId(callId);
  if (await deps.db.upload.count({ where: { id } })) return;
  await deps.storage.delete(stillKey(callId)).catch((err: unknown) => logger.warn("stills.cleanup_failed", { callId, error: err }));
}
