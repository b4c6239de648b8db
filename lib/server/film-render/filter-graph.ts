import { FILM_FRAME_SIZE, FILM_FPS, placeClips, type Cut, type TransitionKind } from "@/lib/shared/film/cut";

// The one ffmpeg filter graph of an export. Per clip: conform to the film (24 fps, the film's size,
// square pixels, yuv420p), trim by frame number and restart its clock; its audio (or silence of the
// same length) trimmed by the same frames, in samples. Clips are then joined pairwise in order — a
// concat for a cut, an xfade / acrossfade of `overlap` frames for a transition, placed at the next
// clip's recordIn — so the film is exactly filmFrames(cut) frames long. Captions are burnt in last,
// over the joined picture, so their times are film times.

const AUDIO_RATE = 48_000;
const SAMPLES_PER_FRAME = AUDIO_RATE / FILM_FPS;
const AUDIO_FORMAT = `aformat=sample_fmts=fltp:sample_rates=${AUDIO_RATE}:channel_layouts=stereo`;
/**
 * EBU R128 loudness in one pass (loudnorm's dynamic mode): −16 LUFS integrated, −1.5 dBTP, as web
 * video players expect. A second, measured pass would cost another full decode of every take.
 */
const LOUDNORM = "loudnorm=I=-16:TP=-1.5:LRA=11";

export const VIDEO_OUT = "vout";
export const AUDIO_OUT = "aout";

export interface GraphInput {
  /** Whether this clip's file has an audio stream (Vidu's background music); silence otherwise. */
  hasAudio: boolean;
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
 * The filter graph for `cut` with input i = clip i. Labels [vout] and [aout] are the film's picture
 * and sound. Callers validate the cut first.
 */
export function buildFilterGraph(cut: Cut, inputs: readonly GraphInput[], opts: GraphOptions): string {
  const { width: w, height: h } = FILM_FRAME_SIZE[cut.aspect];
  const placed = placeClips(cut);
  const lines: string[] = [];

  placed.forEach(({ clip }, i) => {
    const input = inputs[i];
    if (!input) throw new Error(`no input for clip ${i}`);
    // fps first: trim counts frames of the conformed 24 fps stream, whatever the take's own rate.
    // A take of another shape is fitted inside the frame (never cropped) on black.
    lines.push(
      `[${i}:v]fps=${FILM_FPS},trim=start_frame=${clip.inFrame}:end_frame=${clip.outFrame},setpts=PTS-STARTPTS,` +
        `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[v${i}]`,
    );
    const [from, to] = [clip.inFrame * SAMPLES_PER_FRAME, clip.outFrame * SAMPLES_PER_FRAME];
    // apad: a track a little shorter than its picture still yields exactly the trimmed length.
    lines.push(
      input.hasAudio
        ? `[${i}:a]${AUDIO_FORMAT},apad,atrim=start_sample=${from}:end_sample=${to},asetpts=PTS-STARTPTS[a${i}]`
        : `anullsrc=r=${AUDIO_RATE}:cl=stereo,atrim=end_sample=${to - from},asetpts=PTS-STARTPTS[a${i}]`,
    );
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
  const loud = inputs.some((input) => input.hasAudio) ? `${LOUDNORM},` : "";
  lines.push(`[${audio}]${loud}${AUDIO_FORMAT}[${AUDIO_OUT}]`);
  return lines.join(";\n");
}
