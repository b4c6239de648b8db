import { FILM_FRAME_SIZE, FILM_FPS, placeClips, type Cut, type TransitionKind } from "@/lib/shared/film/cut";

// The one ffmpeg filter graph of an export. Per clip: conform to the film (24 fps, the film's size,
// square pixels, yuv420p — only what differs), trim by frame number and restart its clock; its audio (or silence of the
// same length) trimmed by the same frames, in samples. Clips are then joined pairwise in order — a
// concat for a cut, an xfade / acrossfade of `overlap` frames for a transition, placed at the next
// clip's recordIn — so the film is exactly filmFrames(cut) frames long. Captions are burnt in last,
// over the joined picture, so their times are film times. A clip with a voice-over gets the voice
// from its first sample, trimmed or padded to exactly the clip's length, and its own sound ducked
// under it (sidechaincompress keyed by the voice), so the clip's audio keeps its exact length too.

const AUDIO_RATE = 48_000;
const SAMPLES_PER_FRAME = AUDIO_RATE / FILM_FPS;
const AUDIO_FORMAT = `aformat=sample_fmts=fltp:sample_rates=${AUDIO_RATE}:channel_layouts=stereo`;
/**
 * EBU R128 loudness in one pass (loudnorm's dynamic mode): −16 LUFS integrated, −1.5 dBTP, as web
 * video players expect. A second, measured pass would cost another full decode of every take.
 */
const LOUDNORM = "loudnorm=I=-16:TP=-1.5:LRA=11";
/** Ducking: the clip's sound drops by up to ~18 dB while the voice is above −34 dBFS, back within 0.4 s. */
const DUCK = "sidechaincompress=threshold=0.02:ratio=8:attack=15:release=400:makeup=1";

export const VIDEO_OUT = "vout";
export const AUDIO_OUT = "aout";

export interface GraphInput {
  /** Whether this clip's file has an audio stream (Vidu's background music); silence otherwise. */
  hasAudio: boolean;
  /** The take's picture as probed; a take that already matches the film skips the conforming filters. */
  width: number;
  height: number;
  fps: number;
  pixFmt: string | null;
}

/**
 * The filters that make a take look like the film. Each one is left out when the take already
 * matches (a Vidu take of the film's aspect always does): they would only copy every frame.
 * `settb` stays: xfade needs both sides on the same clock and MP4 takes tick in 1/12288 s.
 */
function conform(input: GraphInput, w: number, h: number): { before: string[]; after: string[] } {
  const before = input.fps === FILM_FPS ? [] : [`fps=${FILM_FPS}`];
  const after = [`settb=1/${FILM_FPS}`];
  if (input.width !== w || input.height !== h) after.push(`scale=${w}:${h}:force_original_aspect_ratio=decrease`, `pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2`);
  after.push("setsar=1");
  if (input.pixFmt !== "yuv420p") after.push("format=yuv420p");
  return { before, after };
}

const XFADE: Record<Exclude<TransitionKind, "cut">, string> = { crossfade: "fade", fade_black: "fadeblack" };

/** Frames as seconds for xfade's duration/offset; ffmpeg rounds them back to the nearest 1/24 s tick. */
const seconds = (frames: number) => (frames / FILM_FPS).toFixed(6);

export interface GraphOptions {
  /** ASS file (relative to ffmpeg's working directory) to burn in, or null for no captions. */
  captionsFile: string | null;
  /** Folder libass loads the caption font from. */
  fontsDir: string;
}

/**
 * ffmpeg's inputs for the graph: every take once for its picture (input i = clip i), then once more
 * for its sound, audio only, for the clips that have some. With one input per file, pulling sound
 * ahead (loudnorm looks 3 s ahead, acrossfade asks for the next clip early) decodes that file's
 * pictures too, and they wait in the graph for their turn: 4.3 GB resident and 2.5× the time for a
 * 12-shot 1080p film, against 1.0 GB with the sound read separately (unused streams are not decoded).
 */
export function inputArgs(files: readonly string[], inputs: readonly GraphInput[], voices: readonly (string | null)[] = []): string[] {
  const video = files.flatMap((f) => ["-i", f]);
  const audio = files.flatMap((f, i) => (inputs[i]?.hasAudio ? ["-vn", "-sn", "-dn", "-i", f] : []));
  // Then each voice-over WAV, in clip order.
  const voice = voices.flatMap((f) => (f ? ["-i", f] : []));
  return [...video, ...audio, ...voice];
}

/**
 * The filter graph for `cut` with inputs laid out by inputArgs. Labels [vout] and [aout] are the film's picture
 * and sound. Callers validate the cut first.
 */
export function buildFilterGraph(cut: Cut, inputs: readonly GraphInput[], opts: GraphOptions): string {
  const { width: w, height: h } = FILM_FRAME_SIZE[cut.aspect];
  const placed = placeClips(cut);
  const lines: string[] = [];
  let audioInput = placed.length;
  let voiceInput = placed.length + inputs.filter((input) => input.hasAudio).length;

  placed.forEach(({ clip }, i) => {
    const input = inputs[i];
    if (!input) throw new Error(`no input for clip ${i}`);
    // fps (when needed) first: trim counts frames of a 24 fps stream, whatever the take's own rate.
    // A take of another shape is fitted inside the frame (never cropped) on black.
    const { before, after } = conform(input, w, h);
    const chain = [...before, `trim=start_frame=${clip.inFrame}:end_frame=${clip.outFrame}`, "setpts=PTS-STARTPTS", ...after];
    lines.push(`[${i}:v]${chain.join(",")}[v${i}]`);
    const [from, to] = [clip.inFrame * SAMPLES_PER_FRAME, clip.outFrame * SAMPLES_PER_FRAME];
    // apad: a track a little shorter than its picture still yields exactly the trimmed length.
    const own = clip.voice ? `ac${i}` : `a${i}`;
    lines.push(
      input.hasAudio
        ? `[${audioInput++}:a]${AUDIO_FORMAT},apad,atrim=start_sample=${from}:end_sample=${to},asetpts=PTS-STARTPTS[${own}]`
        : `anullsrc=r=${AUDIO_RATE}:cl=stereo,atrim=end_sample=${to - from},asetpts=PTS-STARTPTS[${own}]`,
    );
    if (clip.voice) {
      // The voice: exactly the clip's length (cut at its end, silence after it), once as the key that
      // ducks the clip's sound and once mixed over it at full level.
      lines.push(
        `[${voiceInput++}:a]${AUDIO_FORMAT},atrim=end_sample=${to - from},apad=whole_len=${to - from},asetpts=PTS-STARTPTS,asplit=2[vk${i}][vm${i}]`,
        `[${own}][vk${i}]${DUCK}[ad${i}]`,
        `[ad${i}][vm${i}]amix=inputs=2:duration=first:normalize=0,${AUDIO_FORMAT}[a${i}]`,
      );
    }
  });

  let video = "v0";
  let audio = "a0";
  for (let i = 1; i < placed.length; i++) {
    const before = placed[i - 1];
    const next = placed[i];
    if (!before || !next) continue;
    const overlap = before.overlapOut;
    const kind = before.clip.transitionOut.kind;
    if (overlap === 0 || kind === "cut") {
      // concat answers in microseconds; xfade needs both sides on the same clock, so back to 1/24 s.
      lines.push(`[${video}][v${i}]concat=n=2:v=1:a=0,settb=1/${FILM_FPS}[vj${i}]`, `[${audio}][a${i}]concat=n=2:v=0:a=1[aj${i}]`);
    } else {
      lines.push(
        `[${video}][v${i}]xfade=transition=${XFADE[kind]}:duration=${seconds(overlap)}:offset=${seconds(next.recordIn)}[vj${i}]`,
        `[${audio}][a${i}]acrossfade=ns=${overlap * SAMPLES_PER_FRAME}:c1=tri:c2=tri[aj${i}]`,
      );
    }
    video = `vj${i}`;
    audio = `aj${i}`;
  }

  const captions = opts.captionsFile ? `ass=filename=${opts.captionsFile}:fontsdir=${opts.fontsDir}` : "null";
  lines.push(`[${video}]${captions}[${VIDEO_OUT}]`);
  const loud = inputs.some((input) => input.hasAudio) || placed.some(({ clip }) => clip.voice) ? `${LOUDNORM},` : "";
  lines.push(`[${audio}]${loud}${AUDIO_FORMAT}[${AUDIO_OUT}]`);
  return lines.join(";\n");
}
