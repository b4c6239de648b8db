// Take-like clips for film render tests and the F1 bench, made with ffmpeg's test sources and cached
// by their parameters under the system temp folder (made once per machine, reused by every run):
// a moving test pattern at 24 fps, H.264, with a sine tone as its "background music" or no audio.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CutClip, CutTransition } from "@/lib/shared/film/cut";

export interface FixtureClip {
  width: number;
  height: number;
  frames: number;
  /** Tone of the audio track in Hz; null for a clip without audio. */
  toneHz: number | null;
  /** x264 preset of the fixture itself (the bench wants take-like bitrates, tests want speed). */
  preset?: "ultrafast" | "veryfast";
}

const CACHE = path.join(os.tmpdir(), "framehouse-film-fixtures");

export function fixtureClip(spec: FixtureClip): string {
  const preset = spec.preset ?? "ultrafast";
  const seconds = spec.frames / 24;
  const args = [
    ...["-f", "lavfi", "-i", `testsrc2=s=${spec.width}x${spec.height}:r=24:d=${seconds}`],
    ...(spec.toneHz ? ["-f", "lavfi", "-i", `sine=frequency=${spec.toneHz}:sample_rate=44100:duration=${seconds}`] : []),
    ...["-c:v", "libx264", "-preset", preset, "-crf", "23", "-pix_fmt", "yuv420p", "-g", "48"],
    ...(spec.toneHz ? ["-c:a", "aac", "-b:a", "128k"] : []),
    ...["-movflags", "+faststart", "-f", "mp4"],
  ];
  const key = createHash("sha256").update(JSON.stringify(args)).digest("hex").slice(0, 24);
  const file = path.join(CACHE, `${key}.mp4`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(CACHE, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  execFileSync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", ...args, tmp]);
  fs.renameSync(tmp, file);
  return file;
}

/** A clip of a cut over a take of `sourceFrames` frames. */
export function cutClip(n: number, inFrame: number, outFrame: number, opts: { sourceFrames?: number; caption?: string | null; out?: CutTransition } = {}): CutClip {
  return {
    shotId: `shot-${n}`,
    name: `Shot ${n}`,
    mediaName: `shot-${String(n).padStart(2, "0")}.mp4`,
    sourceFrames: opts.sourceFrames ?? 48,
    inFrame,
    outFrame,
    caption: opts.caption ?? null,
    transitionOut: opts.out ?? { kind: "cut", frames: 0 },
  };
}

/** The frames numbered `frames` of a video as 8-bit grey pictures (width × height bytes each). */
export function grayFrames(file: string, frames: readonly number[], width: number, height: number): Buffer[] {
  const select = frames.map((n) => `eq(n\\,${n})`).join("+");
  const raw = execFileSync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-i", file, "-vf", `select=${select}`, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"], {
    maxBuffer: frames.length * width * height + 1024,
  });
  const size = width * height;
  if (raw.length !== size * frames.length) throw new Error(`expected ${frames.length} frames from ${file}, got ${raw.length / size}`);
  return frames.map((_, i) => raw.subarray(i * size, (i + 1) * size));
}

/** Mean absolute difference of two grey pictures inside a rectangle. */
export function meanDiff(a: Buffer, b: Buffer, width: number, rect: { x0: number; y0: number; x1: number; y1: number }): number {
  let sum = 0;
  let n = 0;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0; x < rect.x1; x++) {
      sum += Math.abs((a[y * width + x] ?? 0) - (b[y * width + x] ?? 0));
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** ffprobe's decoded frame counts and durations of a file's streams (-count_frames decodes all of it). */
export function countedStreams(file: string): { video: { frames: number; seconds: number }; audio: { seconds: number } | null } {
  const out = execFileSync("ffprobe", ["-v", "error", "-count_frames", "-print_format", "json", "-show_entries", "stream=codec_type,nb_read_frames,duration", file], { encoding: "utf8" });
  const streams = (JSON.parse(out) as { streams: { codec_type: string; nb_read_frames?: string; duration?: string }[] }).streams;
  const v = streams.find((s) => s.codec_type === "video");
  const a = streams.find((s) => s.codec_type === "audio");
  return {
    video: { frames: Number(v?.nb_read_frames ?? NaN), seconds: Number(v?.duration ?? NaN) },
    audio: a ? { seconds: Number(a.duration ?? NaN) } : null,
  };
}
