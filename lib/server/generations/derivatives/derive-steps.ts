import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { AssetKind } from "@/lib/generated/sqlite/client";
import { meterAll } from "@/lib/server/byte-meter";
import { type CrashLabel, crashPoint } from "@/lib/server/jobs/crash-point";
import type { Tx } from "@/lib/server/jobs/job-kind";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { makePosterAndPreview, makePreview } from "@/lib/server/media/ffmpeg";
import { MediaToolError } from "@/lib/server/media/media-errors";
import { clipKey, type PutResult, type Storage } from "@/lib/server/storage";
import { isStorageError } from "@/lib/server/storage/storage-error";

// The two steps of the clip-derivatives job (derivatives-job.ts). Each puts its file under the clip's
// deterministic key (a re-run after a crash overwrites the same object) and commits the Asset row with
// its fenced transition: the poster with the advance to `preview`, the preview with DONE. The Asset
// row is written only while the take is still there (not deleted in the meantime); otherwise the
// objects are removed.
//
// One decode makes both files (makePosterAndPreview): the poster step reads the stored video into
// scratch, runs that one ffmpeg process and stores the preview beside the poster, without its Asset
// row. The preview step then takes that stored object, on whichever machine it runs, and commits it
// (its size and hash read back, not written again: every object is written once, scale-workers.test.ts);
// only when there is none (a job queued before this, or an object removed since) does it make the
// preview from the video. Until DONE the preview object is one an interrupted attempt may leave, which
// the job's afterFail removes (derivatives-job.ts), as before.

export const DERIVED_FILES = ["poster.jpg", "preview.mp4"] as const;
type DerivedFile = (typeof DERIVED_FILES)[number];

const PREVIEW_FILE: DerivedFile = "preview.mp4";
const PREVIEW_MIME = "video/mp4";

/** The stored video a step reads, from its Asset row. */
interface SourceVideo {
  storageKey: string;
  /** Null for rows stored before it was recorded. */
  durationMs: number | null;
}

interface MakeContext {
  storage: Storage;
  takeId: string;
  video: SourceVideo;
  /** Copies the stored video into scratch (once) and gives its path. */
  videoFile: () => Promise<string>;
  /** Where the step writes its file, in the step's scratch folder. */
  outPath: string;
}

interface Made {
  /** A preview made beside `outPath`, in the step's folder, to store with it. */
  preview?: string;
  /** The file is already stored (the preview the poster's step stored): its size and hash, nothing to put. */
  stored?: PutResult;
}

interface Derivation {
  file: DerivedFile;
  kind: AssetKind;
  mime: string;
  /** Writes `outPath`, unless it answers that the file is already stored. */
  make: (c: MakeContext) => Promise<Made>;
  /** Made in scratch, not stored. */
  afterMake: CrashLabel;
  /** Stored, its Asset row not committed. */
  afterStore: CrashLabel;
}

const POSTER: Derivation = {
  file: "poster.jpg",
  kind: "POSTER",
  mime: "image/jpeg",
  async make(c) {
    const preview = path.join(path.dirname(c.outPath), PREVIEW_FILE);
    await makePosterAndPreview(await c.videoFile(), { poster: c.outPath, preview }, { durationMs: c.video.durationMs });
    return { preview };
  },
  afterMake: "derive.afterPoster",
  afterStore: "derive.afterPosterStore",
};

const PREVIEW: Derivation = {
  file: PREVIEW_FILE,
  kind: "PREVIEW",
  mime: PREVIEW_MIME,
  async make(c) {
    const stored = await c.storage.read(clipKey(c.takeId, PREVIEW_FILE)).catch((e: unknown) => {
      if (isStorageError(e, "not_found")) return null;
      throw e;
    });
    if (stored) return { stored: await meterAll(stored) };
    await makePreview(await c.videoFile(), c.outPath);
    return {};
  },
  afterMake: "derive.afterPreview",
  afterStore: "derive.afterPreviewStore",
};

/** Moves the take's updatedAt: the live stream (generation-events.ts) re-sends a take when it changes. */
export async function touchTake(tx: Tx, takeId: string): Promise<void> {
  await tx.generation.updateMany({ where: { id: takeId }, data: { updatedAt: new Date() } });
}

type Finish = (effect: (tx: Tx) => Promise<void>) => Promise<void>;

async function derive(ctx: StepContext, d: Derivation, finish: Finish): Promise<void> {
  const { db, storage, scratchDir } = ctx.deps;
  const takeId = ctx.lease.subjectId;
  const take = await db.generation.findUnique({
    where: { id: takeId },
    select: { status: true, deletedAt: true, assets: { where: { kind: "VIDEO" }, select: { storageKey: true, durationMs: true } } },
  });
  const video = take?.assets[0];
  if (!take || take.deletedAt || take.status !== "STORED" || !video) {
    await ctx.fail("source_unavailable", `take ${takeId} has no stored video`);
    return;
  }
  const dir = path.join(scratchDir, `derive-${takeId}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(dir, { recursive: true });
    let readMs = 0;
    let videoPath: string | undefined;
    const videoFile = async () => {
      if (videoPath) return videoPath;
      const t = Date.now();
      const file = path.join(dir, "video.mp4");
      await pipeline(await storage.read(video.storageKey), createWriteStream(file));
      readMs = Date.now() - t;
      return (videoPath = file);
    };
    const outPath = path.join(dir, d.file);
    const t1 = Date.now();
    let made: Made;
    try {
      made = await d.make({ storage, takeId, video, videoFile, outPath });
    } catch (e) {
      // The video was verified before it was stored, so this is rare; a tool that could not run is retried.
      if (e instanceof MediaToolError && e.reason !== "tool-failed") {
        await ctx.fail("media_invalid", e.message);
        return;
      }
      throw e;
    }
    crashPoint(d.afterMake, ctx.lease.subjectId);
    ctx.signal.throwIfAborted();
    const key = clipKey(takeId, d.file);
    const t2 = Date.now();
    const put = made.stored ?? (await storage.put(key, createReadStream(outPath), { contentType: d.mime }));
    if (made.preview) await storage.put(clipKey(takeId, PREVIEW_FILE), createReadStream(made.preview), { contentType: PREVIEW_MIME });
    crashPoint(d.afterStore, ctx.lease.subjectId);
    // ffmpegMs: for the poster, the run that made both files; for a preview the poster's step stored
    // (fromPosterRun), the read that hashed it.
    logger.info("derivatives.made", { generationId: takeId, file: d.file, readMs, ffmpegMs: t2 - t1 - readMs, storeMs: Date.now() - t2, fromPosterRun: made.stored !== undefined });
    let recorded = false;
    await finish(async (tx) => {
      if (!(await tx.generation.count({ where: { id: takeId, deletedAt: null } }))) return;
      const data = { storageKey: key, mime: d.mime, bytes: put.bytes, sha256: put.sha256, width: null, height: null, durationMs: null };
      await tx.asset.upsert({ where: { generationId_kind: { generationId: takeId, kind: d.kind } }, create: { generationId: takeId, kind: d.kind, ...data }, update: data });
      await touchTake(tx, takeId);
      recorded = true;
    });
    // Deleted while we worked: the gallery's delete removed the clip's objects before we stored these.
    if (!recorded) {
      await storage.delete(key);
      if (made.preview) await storage.delete(clipKey(takeId, PREVIEW_FILE));
    }
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export function posterStep(ctx: StepContext): Promise<void> {
  return derive(ctx, POSTER, (effect) => ctx.advance("preview", { effect }));
}

export function previewStep(ctx: StepContext): Promise<void> {
  return derive(ctx, PREVIEW, (effect) => ctx.done({ effect }));
}
