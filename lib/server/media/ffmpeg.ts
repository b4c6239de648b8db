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

/** One file an ffmpeg run writes: the options that apply to it, then its path. */
interface FfmpegOutput {
  args: string[];
  path: string;
}

/**
 * Runs ffmpeg with `inputArgs`, writing each output to a temp name first and renaming it when the run
 * succeeded, so a reader never sees half a file and a retry simply overwrites.
 */
async function runFfmpeg(inputArgs: string[], outputs: FfmpegOutput[], opts: MediaToolOptions, what: string, niceness?: number): Promise<void> {
  const suffix = `${randomBytes(4).toString("hex")}.tmp`;
  const tmps = outputs.map((o) => `${o.path}.${suffix}`);
  try {
    const args = ["-hide_banner", "-nostdin", "-v", "error", "-y", ...inputArgs, ...outputs.flatMap((o, i) => [...o.args, tmps[i]!])];
    await runProcess(opts.ffmpegPath ?? "ffmpeg", args, {
      timeoutMs: opts.timeoutMs ?? 60_000,
      ...(niceness ? { niceness } : {}),
    });
    for (const [i, o] of outputs.entries()) await rename(tmps[i]!, o.path);
  } catch (e) {
    if (e instanceof ProcessError) {
      const reason = e.failure === "exit" ? "invalid-media" : "tool-failed";
      throw new MediaToolError(reason, `${what} failed: ${e.message.split("\n")[0]}`, e.stderrTail, e);
    }
    throw e;
  } finally {
    await Promise.all(tmps.map((t) => rm(t, { force: true })));
  }
}

/**
 * Background runs use one thread for decoding, filters and encoding. They run in a lane capped at the
 * machine's cores, so threads within one run only add the cost of handing frames between them: for a
 * preview, about 0.6 s of CPU single-threaded against 0.9 s with ffmpeg's default threads (bench/results.md, T1).
 */
const ONE_THREAD = ["-threads", "1", "-filter_threads", "1", "-filter_complex_threads", "1"];

const POSTER_SCALE = `scale='if(gte(iw,ih),min(${POSTER_LONG_SIDE},iw),-2)':'if(gte(iw,ih),-2,min(${POSTER_LONG_SIDE},ih))':flags=bicubic,setsar=1`;
const PREVIEW_SCALE = `scale='if(gte(iw,ih),${PREVIEW_LONG_SIDE},-2)':'if(gte(iw,ih),-2,${PREVIEW_LONG_SIDE})':flags=bicubic,setsar=1`;
const POSTER_OUTPUT = ["-frames:v", "1", "-q:v", "3", "-update", "1", "-f", "image2"];
const PREVIEW_OUTPUT = [
  ...["-an", "-sn", "-dn", "-map_metadata", "-1"],
  ...["-c:v", "libx264", "-threads", "1", "-preset", "veryfast", "-crf", String(PREVIEW_CRF), "-profile:v", "high", "-pix_fmt", "yuv420p"],
  ...["-movflags", "+faststart", "-f", "mp4"],
];

/**
 * Seconds into the clip of the poster's frame, the middle (the first frame is often black or a fade),
 * rounded to the millisecond: the value compared and the one given to ffmpeg are the same.
 */
async function posterSeconds(videoPath: string, opts: MediaToolOptions & { durationMs?: number | null }): Promise<number> {
  const durationMs = opts.durationMs != null && opts.durationMs > 0 ? opts.durationMs : (await probe(videoPath, opts)).durationMs;
  return Math.round(Math.max(0, durationMs) / 2) / 1000;
}

/**
 * A JPEG frame from the middle of the clip. `durationMs`: the clip's length when the caller knows it (a
 * stored clip's Asset row, measured when it was verified; a rendered film's), so no ffprobe runs to ask
 * again. Starting ffprobe costs about 0.2 s of CPU (loading the ffmpeg libraries) before it reads a
 * byte, once per poster; without it, the clip is probed.
 */
export async function makePoster(videoPath: string, outPath: string, opts: MediaToolOptions & { durationMs?: number | null } = {}): Promise<void> {
  await posterAt(videoPath, await posterSeconds(videoPath, opts), outPath, opts);
}

function posterAt(videoPath: string, at: number, outPath: string, opts: MediaToolOptions): Promise<void> {
  // -ss before -i seeks on the demuxer (fast) and still lands on the exact frame after decoding.
  return runFfmpeg([...ONE_THREAD, "-ss", at.toFixed(3), "-i", videoPath, "-vf", POSTER_SCALE], [{ args: POSTER_OUTPUT, path: outPath }], opts, "poster", BACKGROUND_NICENESS);
}

/** ~480 px on the long side, the first ~3 s, no audio, faststart: a few dozen KB for gallery hover. */
export async function makePreview(videoPath: string, outPath: string, opts: MediaToolOptions = {}): Promise<void> {
  await runFfmpeg([...ONE_THREAD, "-t", String(PREVIEW_SECONDS), "-i", videoPath, "-vf", PREVIEW_SCALE], [{ args: PREVIEW_OUTPUT, path: outPath }], opts, "preview", BACKGROUND_NICENESS);
}

/**
 * The poster and the preview of one clip, the same files makePoster and makePreview write. When the
 * poster's frame lies within the preview's first seconds (a 5 s take's middle is at 2.5 s), one ffmpeg
 * run decodes those seconds once for both: about half the CPU of the two runs, each of which decoded
 * them on its own (the poster's seek starts at the keyframe before its frame, often the first). A
 * longer clip's middle lies beyond them, and its poster is made by a run of its own.
 */
export async function makePosterAndPreview(
  videoPath: string,
  out: { poster: string; preview: string },
  opts: MediaToolOptions & { durationMs?: number | null } = {},
): Promise<void> {
  const at = await posterSeconds(videoPath, opts);
  if (at >= PREVIEW_SECONDS) {
    await posterAt(videoPath, at, out.poster, opts);
    await makePreview(videoPath, out.preview, opts);
    return;
  }
  // select keeps the first frame at or after `at`: the frame the poster's exact seek lands on.
  const graph = `[0:v]split[p][v];[p]select='gte(t,${at.toFixed(3)})',${POSTER_SCALE}[poster];[v]${PREVIEW_SCALE}[preview]`;
  await runFfmpeg(
    [...ONE_THREAD, "-t", String(PREVIEW_SECONDS), "-i", videoPath, "-filter_complex", graph],
    [
      { args: ["-map", "[poster]", ...POSTER_OUTPUT], path: out.poster },
      { args: ["-map", "[preview]", ...PREVIEW_OUTPUT], path: out.preview },
    ],
    opts,
    "poster and preview",
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
  await runFfmpeg(["-sseof", "-1", "-i", videoPath, "-an", "-sn", "-dn", "-vf", "reverse"], [{ args: ["-frames:v", "1", "-c:v", "png", "-f", "image2"], path: outPath }], opts, "last frame");
}
