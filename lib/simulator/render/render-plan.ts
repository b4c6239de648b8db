import type { OutputSize } from "./output-size";

// What one ffmpeg run needs, built by pure functions (easy to test, no I/O): files to write into the
// run's private work directory, input file names, and the filter graph. Every text reaches drawtext via
// `textfile=` and the font via a symlink named FONT_FILE in that directory, so nothing user-supplied or
// path-like is ever spliced into the filter graph and no escaping is needed.

export const FPS = 24;
export const FRAME_COUNT = 120; // 5.0 s at 24 fps, like Vidu Q1
export const FONT_FILE = "font.ttc";
/** Ascender of WenQuanYi Zen Hei as a fraction of the font size; used to centre text in a line. */
export const FONT_ASCENT_EM = 0.8;

export interface RenderPlan {
  size: OutputSize;
  /** Files to create in the work dir before ffmpeg runs (names are plain, no slashes). */
  files: Array<{ name: string; data: string | Buffer }>;
  /** Input file names (relative to the work dir), in `-i` order. */
  inputs: string[];
  /** Filter graph ending in two labelled outputs: [v] (the clip) and [c] (one cover frame). */
  filterGraph: string;
}

export interface DrawLinesOptions {
  /** File name prefix for the line files, unique within one plan. */
  prefix: string;
  lines: readonly string[];
  fontSize: number;
  lineHeight: number;
  /** Baseline of the first line, in px. */
  baseline: number;
  fontColor: string;
  borderColor?: string;
  borderWidth?: number;
  /** Second at which the first line starts fading in; each next line follows `stagger` later. */
  fadeStart: number;
  stagger: number;
  /** Pixels the text rises while it fades in (0 = no slide). */
  rise: number;
}

/**
 * One centred drawtext per line (drawtext centres a block, not each line), fading and rising in.
 * Lines are placed by baseline (`y = baseline - ascent`): drawtext's y is the top of the line's own
 * tallest glyph, so placing tops would make the spacing depend on which letters a line contains.
 */
export function drawLines(o: DrawLinesOptions): { files: RenderPlan["files"]; filters: string[] } {
  const files: RenderPlan["files"] = [];
  const filters = o.lines.map((line, i) => {
    const name = `${o.prefix}${i}.txt`;
    files.push({ name, data: line });
    const start = (o.fadeStart + i * o.stagger).toFixed(2);
    const progress = `min(1,max(0,(t-${start})/0.8))`;
    const baseline = Math.round(o.baseline + i * o.fontSize * o.lineHeight);
    const border = o.borderColor && o.borderWidth ? `:borderw=${o.borderWidth}:bordercolor=${o.borderColor}` : "";
    return (
      `drawtext=fontfile=${FONT_FILE}:textfile=${name}:expansion=none:fontsize=${o.fontSize}` +
      `:fontcolor=${o.fontColor}${border}:x='(w-text_w)/2':y='${baseline}-ascent+${o.rise}*(1-${progress})':alpha='${progress}'`
    );
  });
  return { files, filters };
}

/** Splits the finished stream into the clip and a single cover frame. */
export function coverTap(frame: number): string {
  return `split[v][cv];[cv]select='eq(n,${frame})'[c]`;
}

/** Deterministic small integer from a hex key, to vary palettes and camera paths per input. */
export function pickFromKey(key: string, salt: number, modulo: number): number {
  const slice = key.slice(salt * 4, salt * 4 + 8) || "0";
  return Number.parseInt(slice, 16) % modulo;
}
