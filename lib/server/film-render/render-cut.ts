import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ProcessError, runProcess } from "@/lib/media-tools/run-process";
import { MediaToolError, type MediaToolOptions } from "@/lib/server/media/media-errors";
import { readTopLevelAtoms } from "@/lib/server/media/mp4-atoms";
import { probe } from "@/lib/server/media/probe";
import { FILM_FPS, FILM_FRAME_SIZE, filmFrames, type Cut } from "@/lib/shared/film/cut";
import { CAPTION_FONT_FILE, captionsAss } from "./caption-ass";
import { assertRenderableCut, inputInvalid } from "./cut-errors";
import { AUDIO_OUT, buildFilterGraph, inputArgs, VIDEO_OUT, type GraphInput } from "./filter-graph";
import { ProgressReader, type RenderProgress } from "./render-progress";
import { verifyFilm } from "./verify-film";

// A film's cut rendered to one MP4 by ONE ffmpeg run (filter-graph.ts): H.264 High yuv420p + AAC,
// faststart, 24 fps at the film's size. The file is written under a temporary name next to outFile
// and renamed only after ffprobe has confirmed its streams and its exact frame count, so outFile is
// either absent or a whole, checked film — also after a kill -9 at any point. A new render of the
// same outFile first deletes temporary files an interrupted one left behind (a restart, not a resume:
// one encoder pass cannot be continued).

// ultrafast is left out: it turns off the tools that make a stream High profile.
export type X264Preset = "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow";

export interface RenderCutOptions extends MediaToolOptions {
  /** Burn the clips' captions into the picture. */
  captions: boolean;
  /** Where the caption file and the filter script live during the run (removed afterwards). */
  scratchDir: string;
  signal?: AbortSignal;
  onProgress?: (p: RenderProgress) => void;
  /** x264's speed/size trade-off; an export is watched full screen, so "medium" by default. */
  preset?: X264Preset;
  /** x264 constant quality; 18 is visually lossless for 1080p. */
  crf?: number;
}

export interface RenderCutResult {
  frames: number;
  width: number;
  height: number;
  durationMs: number;
  bytes: number;
  ms: number;
}

/** Input files of a cut, by CutClip.mediaName. */
export type CutInputs = Readonly<Record<string, string>>;

const PARTIAL = ".partial-";
const AUDIO_BITRATE = "192k";

// ffmpeg must not outlive a worker killed with SIGKILL (it would keep two cores busy writing a file
// nobody will rename): setpriv asks the kernel to kill it when its parent dies.
const SETPRIV = "/usr/bin/setpriv";
const deathTied = process.platform === "linux" && existsSync(SETPRIV);

/** A folder or file name safe to put in a filter graph unquoted. */
const GRAPH_SAFE = /^[\w./-]+$/;

async function removeStalePartials(outFile: string): Promise<void> {
  const dir = path.dirname(outFile);
  const prefix = `${path.basename(outFile)}${PARTIAL}`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(path.join(dir, n), { force: true })));
}

async function probeInputs(cut: Cut, inputs: CutInputs, opts: MediaToolOptions): Promise<{ files: string[]; graph: GraphInput[] }> {
  const infos = await Promise.all(
    cut.clips.map(async (clip) => {
      const file = inputs[clip.mediaName];
      if (!file) throw inputInvalid(clip.name);
      try {
        const info = await probe(file, opts);
        // Half a frame of slack: container durations are rounded to the millisecond.
        if (info.durationMs + 1000 / FILM_FPS / 2 < (clip.outFrame * 1000) / FILM_FPS) throw inputInvalid(clip.name);
        if (info.container.includes("mp4") && !(await mp4Whole(file))) throw inputInvalid(clip.name);
        return { file, hasAudio: info.hasAudio, width: info.width, height: info.height, fps: info.fps, pixFmt: info.pixFmt };
      } catch (e) {
        if (e instanceof MediaToolError && e.reason !== "tool-failed") throw inputInvalid(clip.name, e);
        throw e;
      }
    }),
  );
  return { files: infos.map((i) => i.file), graph: infos.map(({ file: _file, ...input }) => input) };
}

/**
 * Whether an MP4's boxes end where the file ends. A download cut short after a faststart index still
 * probes as a whole take (the index is at the front) and ffmpeg decodes what is there without an
 * error, so the film would silently come out short: catch it before rendering.
 */
async function mp4Whole(file: string): Promise<boolean> {
  const atoms = await readTopLevelAtoms(file);
  const last = atoms.at(-1);
  const { size } = await stat(file);
  return Boolean(last) && (last?.offset ?? 0) + (last?.size ?? 0) === size;
}

/** Which clip's file ffmpeg complained about, if its stderr names one. */
function blamedClip(cut: Cut, files: readonly string[], stderr: string): string | null {
  const i = files.findIndex((f) => stderr.includes(f));
  return i >= 0 ? (cut.clips[i]?.name ?? null) : null;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Renders `cut` to `outFile` (MP4). Throws film_cut_invalid / film_input_invalid (AppError) for a cut
 * or a take that cannot be rendered, MediaToolError("tool-failed") when ffmpeg fails or writes
 * something other than the edit, and the signal's reason when aborted; outFile is untouched then.
 */
export async function renderCut(cut: Cut, inputs: CutInputs, outFile: string, opts: RenderCutOptions): Promise<RenderCutResult> {
  const started = performance.now();
  assertRenderableCut(cut);
  opts.signal?.throwIfAborted();
  const { files, graph: graphInputs } = await probeInputs(cut, inputs, opts);
  const voices = cut.clips.map((clip) => (clip.voice ? (inputs[clip.voice.mediaName] ?? null) : null));
  const unvoiced = cut.clips.find((clip, i) => clip.voice && !voices[i]);
  if (unvoiced) throw inputInvalid(unvoiced.name);
  const frames = filmFrames(cut);
  const { width, height } = FILM_FRAME_SIZE[cut.aspect];
  const ass = opts.captions ? captionsAss(cut) : null;
  const fontsDir = path.dirname(CAPTION_FONT_FILE);
  if (ass && !existsSync(CAPTION_FONT_FILE)) {
    throw new MediaToolError("tool-failed", `captions need the font ${CAPTION_FONT_FILE} (Debian package fonts-wqy-zenhei)`);
  }
  if (!GRAPH_SAFE.test(fontsDir)) throw new Error(`font folder ${fontsDir} needs quoting in a filter graph`);

  const work = await mkdtemp(path.join(opts.scratchDir, "film-render-"));
  const tmp = `${outFile}${PARTIAL}${randomBytes(6).toString("hex")}`;
  try {
    if (ass) await writeFile(path.join(work, "captions.ass"), ass, "utf8");
    const graph = buildFilterGraph(cut, graphInputs, { captionsFile: ass ? "captions.ass" : null, fontsDir });
    await writeFile(path.join(work, "graph.txt"), graph, "utf8");
    await removeStalePartials(outFile);

    const ffmpeg = opts.ffmpegPath ?? "ffmpeg";
    const args = [
      ...["-hide_banner", "-nostdin", "-v", "error", "-nostats", "-progress", "pipe:1", "-y"],
      ...inputArgs(files, graphInputs, voices),
      ...["-filter_complex_script", "graph.txt", "-map", `[${VIDEO_OUT}]`, "-map", `[${AUDIO_OUT}]`],
      ...["-c:v", "libx264", "-preset", opts.preset ?? "medium", "-crf", String(opts.crf ?? 18), "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", String(FILM_FPS)],
      ...["-c:a", "aac", "-b:a", AUDIO_BITRATE, "-ar", "48000", "-ac", "2"],
      ...["-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4", tmp],
    ];
    const progress = new ProgressReader(frames, FILM_FPS, (p) => opts.onProgress?.(p));
    try {
      await runProcess(deathTied ? SETPRIV : ffmpeg, deathTied ? ["--pdeathsig", "SIGKILL", "--", ffmpeg, ...args] : args, {
        cwd: work,
        signal: opts.signal,
        onStdout: (chunk) => progress.push(chunk),
        // A deadline for a hang, not a budget: two seconds per film frame on a loaded two-core machine.
        timeoutMs: opts.timeoutMs ?? Math.max(10 * 60_000, frames * 2000),
      });
    } catch (e) {
      if (e instanceof ProcessError && e.failure === "aborted") opts.signal?.throwIfAborted();
      if (e instanceof ProcessError && e.failure === "exit") {
        const shot = blamedClip(cut, files, e.stderrTail);
        if (shot) throw inputInvalid(shot, e);
      }
      throw new MediaToolError("tool-failed", `film render failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, e instanceof ProcessError ? e.stderrTail : "", e);
    }
    opts.signal?.throwIfAborted();
    const facts = await verifyFilm(tmp, { frames, width, height, fps: FILM_FPS }, opts);
    await syncFile(tmp);
    opts.signal?.throwIfAborted();
    await rename(tmp, outFile);
    const { size } = await stat(outFile);
    return { frames: facts.frames, width, height, durationMs: Math.round((frames * 1000) / FILM_FPS), bytes: size, ms: Math.round(performance.now() - started) };
  } finally {
    await rm(tmp, { force: true });
    await rm(work, { recursive: true, force: true });
  }
}
