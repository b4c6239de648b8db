import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { AssetKind } from "@/lib/generated/sqlite/client";
import { logger } from "@/lib/server/logger";
import { probe, type MediaInfo } from "@/lib/server/media/probe";
import { crashPoint } from "@/lib/server/jobs/crash-point";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { fetchToFile, MAX_COVER_BYTES, MAX_VIDEO_BYTES, mediaPolicy, type FetchedFile } from "@/lib/server/net/fetch-to-file";
import { clipKey, type ClipFile } from "@/lib/server/storage";
import { enqueueDerivativesJob } from "../derivatives/derivatives-job";
import { handleDownloadError, InvalidMediaError } from "./download-errors";
import { writeTakeStatus } from "./take-status";

// DOWNLOADING → STORED (docs/reliability.md, "Storage matches the database"). Video and cover are streamed through the
// SSRF-safe fetch into scratch files, verified (MP4 signature, size, sha256, ffprobe: h264, ~5 s,
// JPEG magic), and go to storage under the clip's deterministic keys (atomic temp → fsync → rename,
// so a re-run after a crash overwrites the same objects). STORED — the take is playable — the media
// fields, the Asset rows and the clip-derivatives job (poster, preview) are committed together, only
// after the video is durable.

const MIN_DURATION_MS = 3_500;
const MAX_DURATION_MS = 7_000;

const MIME: Record<ClipFile, string> = {
  "video.mp4": "video/mp4",
  "cover.jpg": "image/jpeg",
  "poster.jpg": "image/jpeg",
  "preview.mp4": "video/mp4",
};
const KIND: Record<ClipFile, AssetKind> = { "video.mp4": "VIDEO", "cover.jpg": "COVER", "poster.jpg": "POSTER", "preview.mp4": "PREVIEW" };

function checkVideo(file: FetchedFile, info: MediaInfo): void {
  if (file.head.subarray(4, 8).toString("latin1") !== "ftyp") throw new InvalidMediaError("video is not an MP4 (no ftyp box)");
  if (info.videoCodec !== "h264") throw new InvalidMediaError(`video codec is ${info.videoCodec}, expected h264`);
  if (info.durationMs < MIN_DURATION_MS || info.durationMs > MAX_DURATION_MS) {
    throw new InvalidMediaError(`video lasts ${info.durationMs} ms, expected about 5 s`);
  }
  if (info.bytes !== file.bytes) throw new InvalidMediaError("probed size differs from downloaded size");
}

interface Stored {
  file: ClipFile;
  key: string;
  bytes: number;
  sha256: string;
}

export async function downloadStep(ctx: StepContext): Promise<void> {
  const { storage, scratchDir, db } = ctx.deps;
  const row = await db.generation.findUniqueOrThrow({ where: { id: ctx.lease.subjectId } });
  const dir = path.join(scratchDir, `${row.id}-${randomBytes(4).toString("hex")}`);
  try {
    if (!row.resultUrl) throw new InvalidMediaError("SUCCESS without a video URL");
    const { mediaOrigins } = await ctx.deps.upstream();
    const policy = { ...mediaPolicy(mediaOrigins), signal: ctx.signal };
    await mkdir(dir, { recursive: true });
    const local = (f: ClipFile) => path.join(dir, f);

    const t0 = Date.now();
    // The cover downloads while the video is fetched and probed: both are on the way to playable
    // (bench F2). allSettled, so neither's rejection goes unobserved when the other fails first.
    const checkedVideo = fetchToFile(row.resultUrl, local("video.mp4"), { ...policy, maxBytes: MAX_VIDEO_BYTES }).then(async (video) => {
      crashPoint("download.afterTemp", ctx.lease.subjectId);
      const info = await probe(video.path);
      checkVideo(video, info);
      return { video, info };
    });
    const coverUrl = row.coverUrl;
    const checkedCover = coverUrl
      ? fetchToFile(coverUrl, local("cover.jpg"), { ...policy, maxBytes: MAX_COVER_BYTES }).then((cover) => {
          if (cover.head[0] !== 0xff || cover.head[1] !== 0xd8 || cover.head[2] !== 0xff) throw new InvalidMediaError("cover is not a JPEG");
          return true;
        })
      : Promise.resolve(false);
    const [videoDone, coverDone] = await Promise.allSettled([checkedVideo, checkedCover]);
    if (videoDone.status === "rejected") throw videoDone.reason;
    if (coverDone.status === "rejected") throw coverDone.reason;
    const { video, info } = videoDone.value;
    const files: ClipFile[] = coverDone.value ? ["video.mp4", "cover.jpg"] : ["video.mp4"];
    const t1 = Date.now();
    const putFile = async (file: ClipFile): Promise<Stored> => {
      ctx.signal.throwIfAborted();
      const key = clipKey(row.id, file);
      return { file, key, ...(await storage.put(key, createReadStream(local(file)), { contentType: MIME[file] })) };
    };
    // SUCCESS → playable is what users wait for (npm run bench, P3): only the verified video (and the
    // upstream's cover) are stored here; the poster and the preview are the clip-derivatives job's,
    // queued with STORED below. allSettled: a failing put never leaves another's rejection unobserved.
    const work = await Promise.allSettled(files.map(putFile));
    const failed = work.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    const stored: Stored[] = work.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const storedVideo = stored.find((s) => s.file === "video.mp4");
    if (storedVideo?.sha256 !== video.sha256 || storedVideo.bytes !== video.bytes) {
      throw new InvalidMediaError("stored video does not match the downloaded bytes");
    }
    crashPoint("download.beforeStored", ctx.lease.subjectId);
    logger.info("video.rehosted", { generationId: row.id, bytes: video.bytes, downloadMs: t1 - t0, storeMs: Date.now() - t1 });

    const now = ctx.now();
    await ctx.done({
      effect: async (tx) => {
        await writeTakeStatus(tx, row.id, "STORED", {
          bytes: video.bytes,
          sha256: video.sha256,
          durationMs: info.durationMs,
          width: info.width,
          height: info.height,
          fps: info.fps,
          downloadedAt: now,
          finishedAt: now,
          errorCode: null,
          errorMessage: null,
        });
        for (const s of stored) {
          const isVideo = s.file === "video.mp4";
          const data = {
            storageKey: s.key,
            mime: MIME[s.file],
            bytes: s.bytes,
            sha256: s.sha256,
            width: isVideo ? info.width : null,
            height: isVideo ? info.height : null,
            durationMs: isVideo ? info.durationMs : null,
          };
          await tx.asset.upsert({
            where: { generationId_kind: { generationId: row.id, kind: KIND[s.file] } },
            create: { generationId: row.id, kind: KIND[s.file], ...data },
            update: data,
          });
        }
        await enqueueDerivativesJob(tx, row.id);
      },
    });
  } catch (e) {
    // Awaited, not returned: a promise returned from inside try/finally has no handler while the
    // finally's rm() runs, so its rejection (lease lost, abort) was unhandled and killed the process.
    await handleDownloadError(ctx, row, e);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
