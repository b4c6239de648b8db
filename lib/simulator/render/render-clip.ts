import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rename, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { ProcessError, runProcess } from "@/lib/media-tools/run-process";
import { renderCacheKey } from "./cache-key";
import { sweepRenderCache } from "./cache-sweep";
import { readImageHeader } from "./image-header";
import { planKenBurns, planStartEnd, type ImageInputFile } from "./image-motion-plan";
import { InvalidImageError, RenderFailedError } from "./render-errors";
import { FONT_FILE, FPS, FRAME_COUNT, type RenderPlan } from "./render-plan";
import { Semaphore } from "@/lib/shared/semaphore";
import { defaultRenderConcurrency } from "./semaphore";
import { planTextCard } from "./text-card-plan";

// The simulator's video renderer: turns a generation request into a real 5 s H.264 clip and a JPEG
// cover with ffmpeg, cached on disk by a hash of the normalized input. Identical concurrent requests
// share one render; at most cpus-1 ffmpeg processes run at once.

export type RenderInput =
  | { mode: "text"; prompt: string; style: "general" | "anime"; aspectRatio: "16:9" | "9:16" | "1:1" }
  | { mode: "image"; prompt?: string; image: Buffer } // decoded first-frame bytes (png/jpeg/webp)
  | { mode: "start-end"; prompt?: string; images: [Buffer, Buffer] };

export interface RenderOptions {
  cacheDir: string;
  /**
   * libx264 preset; part of the cache key. Default "ultrafast" (with the 8×8 transform on, so the
   * stream is High profile like the platform's): the same 1080p, 24 fps, 5 s H.264 clip in under half
   * the CPU of "veryfast", and it decodes faster for the poster, preview and last frame the studio
   * derives from it (`bench/t1-sim-render.ts`). Files are larger (0.9–2.9 MB a clip against
   * 0.4–0.8 MB), a few megabytes at most, which the download and storage paths take in their stride.
   */
  preset?: string;
  ffmpegPath?: string;
  /** A font with CJK glyphs; drawtext uses it for every text. */
  fontFile?: string;
  /** Hard cap per ffmpeg run. */
  timeoutMs?: number;
}

export interface RenderResult {
  videoPath: string;
  coverPath: string;
  key: string;
  /** Wall time of this call, including any wait for a shared render or a free ffmpeg slot. */
  ms: number;
  /** True when this call did not start an ffmpeg render (cache hit, or it joined an identical one in flight). */
  cached: boolean;
}

const DEFAULT_FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
const DEFAULT_PRESET = "ultrafast";
const X264_PRESETS = new Set(["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"]);
const CRF = 21;
const DECODE_CHECK_TIMEOUT_MS = 20_000;

const inflight = new Map<string, Promise<void>>();
const sweptDirs = new Set<string>();
let semaphore: Semaphore | null = null;

/** Shared by every render in this process (created lazily so tests can read the configured limit). */
function renderSemaphore(): Semaphore {
  semaphore ??= new Semaphore(defaultRenderConcurrency());
  return semaphore;
}

export async function renderClip(input: RenderInput, opts: RenderOptions): Promise<RenderResult> {
  const started = performance.now();
  const preset = opts.preset ?? DEFAULT_PRESET;
  if (!X264_PRESETS.has(preset)) throw new RangeError(`unknown x264 preset ${JSON.stringify(preset)}`);
  // Header check first, so a bad image is a client error even when an identical key was cached.
  const images = imagesOf(input).map((data, i): ImageInputFile => {
    const header = readImageHeader(data, i);
    return { name: `image${i}.${header.format === "jpeg" ? "jpg" : header.format}`, data, header };
  });
  const key = renderCacheKey(input, preset);
  const cacheDir = path.resolve(opts.cacheDir);
  const videoPath = path.join(cacheDir, `${key}.mp4`);
  const coverPath = path.join(cacheDir, `${key}.jpg`);
  const result = (cached: boolean): RenderResult => ({ videoPath, coverPath, key, cached, ms: Math.round(performance.now() - started) });

  if (await isCached(videoPath, coverPath)) {
    await markUsed(videoPath, coverPath);
    return result(true);
  }
  const shared = inflight.get(videoPath);
  if (shared) {
    await shared;
    return result(true);
  }
  const job = renderSemaphore()
    .run(() => renderUncached(planFor(input, images, key), { ...opts, cacheDir, preset, videoPath, coverPath, key }))
    .finally(() => inflight.delete(videoPath));
  inflight.set(videoPath, job);
  await job;
  return result(false);
}

function imagesOf(input: RenderInput): Buffer[] {
  if (input.mode === "image") return [input.image];
  if (input.mode === "start-end") return [...input.images];
  return [];
}

function planFor(input: RenderInput, images: ImageInputFile[], key: string): RenderPlan {
  const [first, last] = images;
  switch (input.mode) {
    case "text":
      return planTextCard({ prompt: input.prompt, style: input.style, aspectRatio: input.aspectRatio, key });
    case "image":
      return planKenBurns({ image: first!, prompt: input.prompt, key });
    case "start-end":
      return planStartEnd({ images: [first!, last!], prompt: input.prompt, key });
  }
}

async function isCached(videoPath: string, coverPath: string): Promise<boolean> {
  try {
    const [video, cover] = await Promise.all([stat(videoPath), stat(coverPath)]);
    return video.size > 0 && cover.size > 0;
  } catch {
    return false;
  }
}

/**
 * A hit moves the clip's modification time to now, so a sweep of clips unused for a while
 * (SweepOptions.clipMaxAgeMs) keeps the ones still asked for. A cache that cannot be written to is
 * still served from.
 */
async function markUsed(videoPath: string, coverPath: string): Promise<void> {
  const now = new Date();
  await Promise.all([videoPath, coverPath].map((p) => utimes(p, now, now).catch(() => undefined)));
}

interface RunContext extends RenderOptions {
  cacheDir: string;
  preset: string;
  videoPath: string;
  coverPath: string;
  key: string;
}

async function renderUncached(plan: RenderPlan, ctx: RunContext): Promise<void> {
  const ffmpeg = ctx.ffmpegPath ?? "ffmpeg";
  await mkdir(ctx.cacheDir, { recursive: true });
  if (!sweptDirs.has(ctx.cacheDir)) {
    sweptDirs.add(ctx.cacheDir);
    await sweepRenderCache(ctx.cacheDir);
  }
  // The work dir sits in the cache dir so the final rename never crosses file systems.
  const workDir = await mkdtemp(path.join(ctx.cacheDir, ".work-"));
  const tmpSuffix = `${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  const tmpVideo = path.join(ctx.cacheDir, `${ctx.key}.${tmpSuffix}.mp4`);
  const tmpCover = path.join(ctx.cacheDir, `${ctx.key}.${tmpSuffix}.jpg`);
  try {
    await Promise.all(plan.files.map((f) => writeFile(path.join(workDir, f.name), f.data)));
    // The font is a system file chosen at run time, not part of the app: the ignore comment keeps
    // Next's output tracing from treating this dynamic path as "any file of the project", which it
    // warned about on every build.
    await symlink(path.resolve(/* turbopackIgnore: true */ ctx.fontFile ?? DEFAULT_FONT_FILE), path.join(workDir, FONT_FILE));
    for (const [i, name] of plan.inputs.entries()) await checkDecodes(ffmpeg, workDir, name, i);

    const args = [
      ...["-hide_banner", "-nostdin", "-v", "error", "-y"],
      ...plan.inputs.flatMap((name) => ["-i", name]),
      ...["-filter_complex", plan.filterGraph],
      ...["-map", "[v]", "-an", "-c:v", "libx264", "-preset", ctx.preset, "-crf", String(CRF), "-profile:v", "high", "-x264-params", "8x8dct=1"],
      ...["-pix_fmt", "yuv420p", "-r", String(FPS), "-frames:v", String(FRAME_COUNT), "-movflags", "+faststart"],
      ...["-map_metadata", "-1", "-f", "mp4", tmpVideo],
      ...["-map", "[c]", "-frames:v", "1", "-q:v", "3", "-update", "1", "-f", "image2", tmpCover],
    ];
    try {
      await runProcess(ffmpeg, args, { cwd: workDir, timeoutMs: ctx.timeoutMs });
    } catch (e) {
      const tail = e instanceof ProcessError ? e.stderrTail : "";
      throw new RenderFailedError(`ffmpeg render failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, tail, e);
    }
    // Cover first: a present video means a complete pair (isCached checks both anyway).
    await rename(tmpCover, ctx.coverPath);
    await rename(tmpVideo, ctx.videoPath);
  } finally {
    await Promise.all([
      rm(workDir, { recursive: true, force: true }),
      rm(tmpVideo, { force: true }),
      rm(tmpCover, { force: true }),
    ]);
  }
}

/** A header can look fine while the pixels are garbage; a one-frame decode tells the client's fault from ours. */
async function checkDecodes(ffmpeg: string, workDir: string, name: string, imageIndex: number): Promise<void> {
  try {
    await runProcess(ffmpeg, ["-hide_banner", "-nostdin", "-v", "error", "-xerror", "-i", name, "-frames:v", "1", "-f", "null", "-"], {
      cwd: workDir,
      timeoutMs: DECODE_CHECK_TIMEOUT_MS,
    });
  } catch (e) {
    if (e instanceof ProcessError && e.failure === "exit") {
      throw new InvalidImageError("undecodable", imageIndex, e.stderrTail.trim().split("\n").at(-1) ?? "ffmpeg could not decode it");
    }
    throw new RenderFailedError("image decode check failed", e instanceof ProcessError ? e.stderrTail : "", e);
  }
}
