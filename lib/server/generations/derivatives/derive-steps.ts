import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { AssetKind } from "@/lib/generated/sqlite/client";
import { type CrashLabel, crashPoint } from "@/lib/server/jobs/crash-point";
import type { Tx } from "@/lib/server/jobs/job-kind";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { makePoster, makePreview } from "@/lib/server/media/ffmpeg";
import { MediaToolError } from "@/lib/server/media/media-errors";
import { clipKey } from "@/lib/server/storage";

// The two steps of the clip-derivatives job (derivatives-job.ts). Each reads the take's stored video
// into scratch, runs one ffmpeg process, puts the result under the clip's deterministic key (a re-run
// after a crash overwrites the same object), and commits the Asset row with its fenced transition:
// the poster with the advance to `preview`, the preview with DONE. The Asset row is written only
// while the take is still there (not deleted in the meantime); otherwise the object is removed.

export const DERIVED_FILES = ["poster.jpg", "preview.mp4"] as const;
type DerivedFile = (typeof DERIVED_FILES)[number];

interface Derivation {
  file: DerivedFile;
  kind: AssetKind;
  mime: string;
  /** `durationMs`: the stored video's, from its Asset row (null for rows stored before it was recorded). */
  make: (videoPath: string, outPath: string, video: { durationMs: number | null }) => Promise<void>;
  /** Made in scratch, not stored. */
  afterMake: CrashLabel;
  /** Stored, its Asset row not committed. */
  afterStore: CrashLabel;
}

const POSTER: Derivation = { file: "poster.jpg", kind: "POSTER", mime: "image/jpeg", make: (v, o, { durationMs }) => makePoster(v, o, { durationMs }), afterMake: "derive.afterPoster", afterStore: "derive.afterPosterStore" };
const PREVIEW: Derivation = { file: "preview.mp4", kind: "PREVIEW", mime: "video/mp4", make: (v, o) => makePreview(v, o), afterMake: "derive.afterPreview", afterStore: "derive.afterPreviewStore" };

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
    const videoPath = path.join(dir, "video.mp4");
    const outPath = path.join(dir, d.file);
    const t0 = Date.now();
    await pipeline(await storage.read(video.storageKey), createWriteStream(videoPath));
    const t1 = Date.now();
    try {
      await d.make(videoPath, outPath, video);
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
    const put = await storage.put(key, createReadStream(outPath), { contentType: d.mime });
    crashPoint(d.afterStore, ctx.lease.subjectId);
    logger.info("derivatives.made", { generationId: takeId, file: d.file, readMs: t1 - t0, ffmpegMs: t2 - t1, storeMs: Date.now() - t2 });
    let recorded = false;
    await finish(async (tx) => {
      if (!(await tx.generation.count({ where: { id: takeId, deletedAt: null } }))) return;
      const data = { storageKey: key, mime: d.mime, bytes: put.bytes, sha256: put.sha256, width: null, height: null, durationMs: null };
      await tx.asset.upsert({ where: { generationId_kind: { generationId: takeId, kind: d.kind } }, create: { generationId: takeId, kind: d.kind, ...data }, update: data });
      await touchTake(tx, takeId);
      recorded = true;
    });
    // Deleted while we worked: the gallery's delete removed the clip's objects before we stored this one.
    if (!recorded) await storage.delete(key);
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
