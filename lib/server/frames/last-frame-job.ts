import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createWriteStream } from "node:fs";
import { loadSharp } from "@/lib/server/media/load-sharp";
import { crashPoint } from "@/lib/server/jobs/crash-point";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import type { JobKind, Tx } from "@/lib/server/jobs/job-kind";
import { FRAME_LANE, MEDIA_LANE } from "@/lib/server/jobs/media-lane";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { MediaToolError } from "@/lib/server/media/media-errors";
import { extractLastFrame } from "@/lib/server/media/ffmpeg";
import { lastFrameKey, lastFrameUploadId } from "./frame-upload";

// The last-frame job: the exact final frame of a STORED take, stored as a PNG Upload that the next
// take can start from (continuity). One step, in the local media lane. It may wait for the take's
// own video job (a chained shot asks for the frame before the take is finished); if that fails, the
// runner fails this job with dependency_failed. Free: no ledger. Its own lane (FRAME_LANE), not behind
// posters and previews; jobs queued in the media lane before that change are still run there.

export const LAST_FRAME_JOB = "last-frame";

export interface LastFrameResult {
  uploadId: string;
  width: number;
  height: number;
  sha256: string;
}

async function extractStep(ctx: StepContext): Promise<void> {
  const { db, storage, scratchDir } = ctx.deps;
  const takeId = ctx.lease.subjectId;
  const take = await db.generation.findUnique({
    where: { id: takeId },
    select: { id: true, ownerId: true, teamId: true, status: true, deletedAt: true, assets: { where: { kind: "VIDEO" }, select: { storageKey: true } } },
  });
  const video = take?.assets[0];
  if (!take || take.deletedAt || take.status !== "STORED" || !video) {
    await ctx.fail("source_unavailable", `take ${takeId} has no stored video`);
    return;
  }
  const dir = path.join(scratchDir, `frame-${takeId}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(dir, { recursive: true });
    const videoPath = path.join(dir, "video.mp4");
    const framePath = path.join(dir, "last.png");
    await pipeline(await storage.read(video.storageKey), createWriteStream(videoPath));
    try {
      await extractLastFrame(videoPath, framePath);
    } catch (e) {
      if (e instanceof MediaToolError && e.reason !== "tool-failed") {
        await ctx.fail("media_invalid", e.message);
        return;
      }
      throw e;
    }
    crashPoint("frame.afterExtract", ctx.lease.subjectId);
    const sharp = await loadSharp();
    const { width, height } = await sharp(framePath).metadata();
    if (!width || !height) {
      await ctx.fail("media_invalid", "the extracted frame has no size");
      return;
    }
    ctx.signal.throwIfAborted();
    const key = lastFrameKey(takeId);
    const put = await storage.put(key, createReadStream(framePath), { contentType: "image/png" });
    crashPoint("frame.afterStore", ctx.lease.subjectId);
    const id = lastFrameUploadId(takeId);
    const result: LastFrameResult = { uploadId: id, width, height, sha256: put.sha256 };
    // READY also when a chained take reserved the row before the frame existed (reserve-frame-upload.ts).
    const row = { ownerId: take.ownerId, teamId: take.teamId, frameOfId: takeId, storageKey: key, mime: "image/png", width, height, bytes: put.bytes, sha256: put.sha256, status: "READY" as const };
    await ctx.done({
      result: { ...result },
      effect: async (tx) => void (await tx.upload.upsert({ where: { id }, create: { id, ...row }, update: row })),
    });
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export const lastFrameJob: JobKind = {
  name: LAST_FRAME_JOB,
  lanes: [FRAME_LANE, MEDIA_LANE],
  steps: { extract: extractStep },
  holdsLane: () => true,
  // The job row carries the reason; the take itself is unaffected by its frame failing.
  ended: () => Promise.resolve(),
  async afterFail(deps, job) {
    // An interrupted attempt may have stored the object without its READY row (a row reserved by a
    // chained take is STORING): a failed frame keeps no object.
    const id = lastFrameUploadId(job.subjectId);
    const referenced = await deps.db.upload.count({ where: { id, status: "READY" } });
    if (!referenced) await deps.storage.delete(lastFrameKey(job.subjectId)).catch((err: unknown) => logger.warn("frames.cleanup_failed", { jobId: job.id, error: err }));
  },
};

/** Queues the last frame of a take (after `after`, e.g. the take's own video job). */
export async function enqueueLastFrameJob(tx: Tx, takeId: string, after?: readonly string[]): Promise<string> {
  const job = await enqueueJob(tx, { kind: LAST_FRAME_JOB, subjectId: takeId, lane: FRAME_LANE.name, step: "extract", ...(after ? { after } : {}) });
  return job.id;
}
