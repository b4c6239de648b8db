import "server-only";
import { z } from "zod";
import { ProcessError, runProcess } from "@/lib/media-tools/run-process";
import { MediaToolError, type MediaToolOptions } from "@/lib/server/media/media-errors";

// The check an export must pass before it replaces outFile: an MP4 with exactly one H.264 High
// yuv420p video stream of the film's size and frame count at 24 fps, and one AAC stream that lasts
// as long as the picture (within a frame). The frame count is the container's sample count
// (nb_frames): the MP4 index that players seek with, read without decoding.

const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);
const probeJson = z.object({
  streams: z.array(
    z.object({
      codec_type: z.string(),
      codec_name: z.string().optional(),
      profile: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      pix_fmt: z.string().optional(),
      avg_frame_rate: z.string().optional(),
      nb_frames: numeric.optional(),
      duration: numeric.optional(),
    }),
  ),
  format: z.object({ format_name: z.string() }),
});

export interface FilmFileFacts {
  frames: number;
  width: number;
  height: number;
  videoSeconds: number;
  audioSeconds: number;
}

export interface FilmExpectation {
  frames: number;
  width: number;
  height: number;
  fps: number;
}

/** What ffprobe says about a rendered film; throws when it is not an MP4 with one video and one audio stream. */
async function probeFilm(file: string, opts: MediaToolOptions = {}): Promise<FilmFileFacts & { problems: string[] }> {
  let stdout: string;
  try {
    const args = ["-v", "error", "-print_format", "json", "-show_entries", "stream=codec_type,codec_name,profile,width,height,pix_fmt,avg_frame_rate,nb_frames,duration:format=format_name", file];
    ({ stdout } = await runProcess(opts.ffprobePath ?? "ffprobe", args, { timeoutMs: opts.timeoutMs ?? 30_000 }));
  } catch (e) {
    const reason = e instanceof ProcessError && e.failure === "exit" ? "invalid-media" : "tool-failed";
    throw new MediaToolError(reason, `ffprobe cannot read the rendered film ${file}`, e instanceof ProcessError ? e.stderrTail : "", e);
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (e) {
    throw new MediaToolError("tool-failed", "ffprobe printed invalid JSON", "", e);
  }
  const parsed = probeJson.safeParse(json);
  if (!parsed.success) throw new MediaToolError("invalid-media", `unexpected ffprobe output for ${file}: ${parsed.error.message}`);
  const { streams, format } = parsed.data;
  const videos = streams.filter((s) => s.codec_type === "video");
  const audios = streams.filter((s) => s.codec_type === "audio");
  const v = videos[0];
  const a = audios[0];
  const problems: string[] = [];
  if (!format.format_name.includes("mp4")) problems.push(`container ${format.format_name}`);
  if (videos.length !== 1 || audios.length !== 1) problems.push(`${videos.length} video and ${audios.length} audio streams`);
  if (v && (v.codec_name !== "h264" || v.profile !== "High" || v.pix_fmt !== "yuv420p")) problems.push(`video ${v.codec_name} ${v.profile} ${v.pix_fmt}`);
  if (a && a.codec_name !== "aac") problems.push(`audio ${a.codec_name}`);
  if (v && v.avg_frame_rate !== "24/1") problems.push(`frame rate ${v.avg_frame_rate}`);
  return {
    frames: v?.nb_frames ?? 0,
    width: v?.width ?? 0,
    height: v?.height ?? 0,
    videoSeconds: v?.duration ?? 0,
    audioSeconds: a?.duration ?? 0,
    problems,
  };
}

/** Throws (tool-failed: ffmpeg wrote something other than the edit asked for) unless the file is the film. */
export async function verifyFilm(file: string, want: FilmExpectation, opts: MediaToolOptions = {}): Promise<FilmFileFacts> {
  const facts = await probeFilm(file, opts);
  const problems = [...facts.problems];
  if (facts.frames !== want.frames) problems.push(`${facts.frames} frames, expected ${want.frames}`);
  if (facts.width !== want.width || facts.height !== want.height) problems.push(`${facts.width}×${facts.height}, expected ${want.width}×${want.height}`);
  if (Math.abs(facts.audioSeconds - want.frames / want.fps) > 1 / want.fps) problems.push(`audio lasts ${facts.audioSeconds} s, picture ${want.frames / want.fps} s`);
  if (problems.length) throw new MediaToolError("tool-failed", `the rendered film failed its check: ${problems.join("; ")}`);
  const { frames, width, height, videoSeconds, audioSeconds } = facts;
  return { frames, width, height, videoSeconds, audioSeconds };
}
