import "server-only";
import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { ProcessError, runProcess } from "@/lib/media-tools/run-process";
import { MediaToolError, type MediaToolOptions } from "./media-errors";
import { probe } from "./probe";

// Derived images and videos for the gallery, made from a stored clip: a poster frame and a small,
// muted preview that loops on hover. Outputs are written to a temp name and renamed, so a reader
// never sees half a file and a retry simply overwrites.

const PREVIEW_LONG_SIDE = 480;
/** Gallery grid posters: sharp on a ~320 px card at 2× density, ~15 KB instead of ~55 KB at 1080p. */
const POSTER_LONG_SIDE = 640;
const PREVIEW_SECONDS = 3;
const PREVIEW_CRF = 30;
/**
 * Posters and previews are made after a clip is already playable and nobody waits on them, while the
 * same CPU downloads and verifies the next clips and extracts the last frames chained shots wait for
 * (bench F2): they run at a lower priority. A lowered priority only yields when the CPU is contended.
 */
const BACKGROUND_NICENESS = 10;

async function runFfmpeg(args: string[], outPath: string, opts: MediaToolOptions, what: string, niceness?: number): Promise<void> {
  const tmp = `${outPath}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await runProcess(opts.ffmpegPath ?? "ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", ...args, tmp], {
      timeoutMs: opts.timeoutMs ?? 60_000,
      ...(niceness ? { niceness } : {}),
    });
    await rename(tmp, outPath);
  } catch (e) {
    if (e instanceof ProcessError) {
      const reason = e.failure === "exit" ? "invalid-media" : "tool-failed";
      throw new MediaToolError(reason, `${what} failed: ${e.message.split("\n")[0]}`, e.stderrTail, e);
    }
    throw e;
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * A JPEG frame from the middle of the clip (the first frame is often black or a fade). `durationMs`:
 * the clip's length when the caller knows it (a stored clip's Asset row, measured when it was verified;
 * a rendered film's), so no ffprobe runs to ask again. Starting ffprobe costs about 0.2 s of CPU
 * (loading the ffmpeg libraries) before it reads a byte, once per poster; without it, the clip is probed.
 */
export async function makePoster(videoPath: string, outPath: string, opts: MediaToolOptions & { durationMs?: number | null } = {}): Promise<void> {
  const durationMs = opts.durationMs != null && opts.durationMs > 0 ? opts.durationMs : (await probe(videoPath, opts)).durationMs;
  const at = (Math.max(0, durationMs) / 2000).toFixed(3);
  // -ss before -i seeks on the demuxer (fast) and still lands on the exact frame after decoding.
  const scale = `scale='if(gte(iw,ih),min(${POSTER_LONG_SIDE},iw),-2)':'if(gte(iw,ih),-2,min(${POSTER_LONG_SIDE},ih))':flags=bicubic,setsar=1`;
  await runFfmpeg(
    ["-ss", at, "-i", videoPath, "-vf", scale, "-frames:v", "1", "-q:v", "3", "-update", "1", "-f", "image2"],
    outPath,
    opts,
    "poster",
    BACKGROUND_NICENESS,
  );
}

/** ~480 px on the long side, the first ~3 s, no audio, faststart: a few dozen KB for gallery hover. */
export async function makePreview(videoPath: string, outPath: string, opts: MediaToolOptions = {}): Promise<void> {
  const scale = `scale='if(gte(iw,ih),${PREVIEW_LONG_SIDE},-2)':'if(gte(iw,ih),-2,${PREVIEW_LONG_SIDE})':flags=bicubic,setsar=1`;
  await runFfmpeg(
    [
      ...["-t", String(PREVIEW_SECONDS), "-i", videoPath, "-vf", scale, "-an", "-sn", "-dn", "-map_metadata", "-1"],
      ...["-c:v", "libx264", "-preset", "veryfast", "-crf", String(PREVIEW_CRF), "-profile:v", "high", "-pix_fmt", "yuv420p"],
      ...["-movflags", "+faststart", "-f", "mp4"],
    ],
    outPath,
    opts,
    "preview",
    BACKGROUND_NICENESS,
  );
}

/**
 * The exact last frame of a clip as a lossless PNG at full size: continuity between shots starts
 * the next take from it, so nothing may be scaled or re-compressed. `-sseof -1` keeps the frames of
 * the last second (the decoder still starts at the keyframe before it), `reverse` buffers those ~24
 * frames and hands them back last first, and `-frames:v 1` encodes only that one: one PNG encode
 * instead of one per frame of the last second (which cost more than the decoding; bench F2).
 */
export async function extractLastFrame(videoPath: string, outPath: string, opts: MediaToolOptions = {}): Promise<void> {
  await runFfmpeg(["-sseof", "-1", "-i", videoPath, "-an", "-sn", "-dn", "-vf", "reverse", "-frames:v", "1", "-c:v", "png", "-f", "image2"], outPath, opts, "last frame");
}
