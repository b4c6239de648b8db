import { captionSpans } from "@/lib/shared/film/caption-spans";
import { FILM_FRAME_SIZE, FILM_FPS, type Cut, type FilmAspect } from "@/lib/shared/film/cut";
import { wrapCaption } from "./caption-wrap";

// The captions of a cut as an ASS subtitle file that ffmpeg's `ass` filter (libass) burns into the
// picture: one style per film size, with margins that keep every line inside the area players leave
// uncovered, and event times that switch on exactly the frames captionSpans names.

/** The font every caption is drawn in (Debian: fonts-wqy-zenhei); it covers Chinese, Japanese, Korean and Latin. */
export const CAPTION_FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
const CAPTION_FONT_NAME = "WenQuanYi Zen Hei";

export interface CaptionLayout {
  fontPx: number;
  /** Left and right margin of every line, px. */
  sidePx: number;
  /** Distance from the bottom edge to the bottom of the caption box, px. */
  bottomPx: number;
  /** Padding of the box around the text, px. */
  boxPx: number;
}

// 16:9 and 1:1: a conventional title-safe area (10 % each side, 8 % from the bottom). 9:16: vertical
// players draw their buttons down the right and their text over the bottom fifth, so the caption
// sits above that band and 10 % in from each side, inside the centre of the frame.
export const CAPTION_LAYOUT: Record<FilmAspect, CaptionLayout> = {
  "16:9": { fontPx: 54, sidePx: 192, bottomPx: 86, boxPx: 12 },
  "1:1": { fontPx: 50, sidePx: 108, bottomPx: 86, boxPx: 12 },
  "9:16": { fontPx: 56, sidePx: 108, bottomPx: 384, boxPx: 12 },
};

/** Lines that fit between the side margins, box padding included. */
export function captionMaxEms(aspect: FilmAspect): number {
  const { width } = FILM_FRAME_SIZE[aspect];
  const l = CAPTION_LAYOUT[aspect];
  return (width - 2 * l.sidePx - 2 * l.boxPx) / l.fontPx;
}

/**
 * ASS times are centiseconds; frame n is shown at n/24 s (ffmpeg hands libass whole milliseconds,
 * truncated) and an event covers start ≤ t < end. ⌊n × 100/24⌋ cs lies in ((n−1)/24, n/24], so an
 * event from frame a to frame b (exclusive) shows on frames a … b−1 and on no other.
 */
export function assTime(frame: number): string {
  const cs = Math.floor((frame * 100) / FILM_FPS);
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = Math.floor(cs / 100) % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${h}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/** Caption text as ASS literal text: braces would open override tags and a backslash an escape. */
function assText(line: string): string {
  return line.replace(/\\/g, "\\\u200b").replace(/\{/g, "\\{").replace(/\}/g, "\\}");
}

/** The ASS document for a cut's captions, or null when no clip has one. */
export function captionsAss(cut: Cut): string | null {
  const spans = captionSpans(cut);
  if (spans.length === 0) return null;
  const { width, height } = FILM_FRAME_SIZE[cut.aspect];
  const l = CAPTION_LAYOUT[cut.aspect];
  const maxEms = captionMaxEms(cut.aspect);
  // White text on a translucent black box (BorderStyle 3, the box padded by `Outline`): readable on
  // any picture, and a clear region for tests to find.
  const style = [`Caption`, CAPTION_FONT_NAME, l.fontPx, "&H00FFFFFF", "&H00FFFFFF", "&H60000000", "&H60000000", 0, 0, 0, 0, 100, 100, 0, 0, 3, l.boxPx, 0, 2, l.sidePx, l.sidePx, l.bottomPx + l.boxPx, 1];
  const events = spans.map((s) => {
    const text = wrapCaption(s.text, maxEms).map(assText).join("\\N");
    return `Dialogue: 0,${assTime(s.startFrame)},${assTime(s.endFrame)},Caption,,0,0,0,,${text}`;
  });
  return [
    "[Script Info]",
    "ScriptType: v4.00+",
    `PlayResX: ${width}`,
    `PlayResY: ${height}`,
    // Lines are broken by wrapCaption; libass may still break at a space if a line came out wider.
    "WrapStyle: 0",
    "ScaledBorderAndShadow: yes",
    "YCbCr Matrix: TV.709",
    "",
    "[V4+ Styles]",
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
    `Style: ${style.join(",")}`,
    "",
    "[Events]",
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ...events,
    "",
  ].join("\n");
}
