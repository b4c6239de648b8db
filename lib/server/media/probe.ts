import "server-only";
import { stat } from "node:fs/promises";
import { z } from "zod";
import { ProcessError, runProcess } from "@/lib/media-tools/run-process";
import { MediaToolError, type MediaToolOptions } from "./media-errors";

// ffprobe as a typed function: what the studio verifies on every stored clip (codec, size, fps,
// duration) and what tests assert on rendered clips. ffprobe's JSON is validated, not trusted.

export interface MediaInfo {
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" for MP4. */
  container: string;
  videoCodec: string;
  /** e.g. "High"; null when the codec has no profiles. */
  profile: string | null;
  width: number;
  height: number;
  fps: number;
  durationMs: number;
  pixFmt: string | null;
  hasAudio: boolean;
  bytes: number;
}

const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

const ffprobeOutput = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        profile: z.string().optional(),
        width: z.number().int().nonnegative().optional(),
        height: z.number().int().nonnegative().optional(),
        r_frame_rate: z.string().optional(),
        avg_frame_rate: z.string().optional(),
        pix_fmt: z.string().optional(),
        duration: numeric.optional(),
      }),
    )
    .default([]),
  format: z.object({
    format_name: z.string(),
    duration: numeric.optional(),
    size: numeric.optional(),
  }),
});

/** "24/1" → 24, "30000/1001" → 29.97; "0/0" (unknown) → 0. */
function parseFrameRate(rate: string | undefined): number {
  const match = /^(\d+)\/(\d+)$/.exec(rate ?? "");
  if (!match) return 0;
  const den = Number(match[2]);
  return den === 0 ? 0 : Number(match[1]) / den;
}

export async function probe(path: string, opts: MediaToolOptions = {}): Promise<MediaInfo> {
  let stdout: string;
  try {
    const args = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path];
    ({ stdout } = await runProcess(opts.ffprobePath ?? "ffprobe", args, { timeoutMs: opts.timeoutMs ?? 30_000 }));
  } catch (e) {
    if (e instanceof ProcessError && e.failure === "exit") {
      throw new MediaToolError("invalid-media", `ffprobe cannot read ${path}`, e.stderrTail, e);
    }
    throw new MediaToolError("tool-failed", `ffprobe failed on ${path}`, e instanceof ProcessError ? e.stderrTail : "", e);
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (e) {
    throw new MediaToolError("tool-failed", "ffprobe printed invalid JSON", "", e);
  }
  const parsed = ffprobeOutput.safeParse(json);
  if (!parsed.success) throw new MediaToolError("invalid-media", `unexpected ffprobe output: ${parsed.error.message}`);
  const { streams, format } = parsed.data;
  const video = streams.find((s) => s.codec_type === "video");
  if (!video?.codec_name || !video.width || !video.height) {
    throw new MediaToolError("no-video-stream", `${path} has no video stream`);
  }
  // avg_frame_rate is what players show; r_frame_rate is the fallback for streams that lack it.
  const fps = parseFrameRate(video.avg_frame_rate) || parseFrameRate(video.r_frame_rate);
  const seconds = format.duration ?? video.duration ?? 0;
  const bytes = format.size ?? (await stat(path)).size;
  return {
    container: format.format_name,
    videoCodec: video.codec_name,
    profile: video.profile ?? null,
    width: video.width,
    height: video.height,
    fps: Math.round(fps * 1000) / 1000,
    durationMs: Math.round(seconds * 1000),
    pixFmt: video.pix_fmt ?? null,
    hasAudio: streams.some((s) => s.codec_type === "audio"),
    bytes,
  };
}
