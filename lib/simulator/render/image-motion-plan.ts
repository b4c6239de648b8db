import type { ImageHeader } from "./image-header";
import { sizeForImage, type OutputSize } from "./output-size";
import { FONT_ASCENT_EM, FPS, FRAME_COUNT, coverTap, drawLines, pickFromKey, type RenderPlan } from "./render-plan";
import { fitText } from "./wrap-text";

// Image → video: a slow Ken Burns zoom/pan over the first frame. Start–end → the first frame
// cross-fades into the last one under a slow push-in. Both take the output size closest to the first image's
// aspect and cover it (scale up, crop the overflow) like the real service does, and may show the prompt
// as a caption band that fades in.

export interface ImageInputFile {
  name: string;
  data: Buffer;
  header: ImageHeader;
}

/** Where the camera starts and ends, as fractions of the free pan range (0 = left/top, 1 = right/bottom). */
const CAMERA_PATHS = [
  { x: [0.5, 0.5], y: [0.5, 0.5] }, // straight push in
  { x: [0.2, 0.8], y: [0.5, 0.4] }, // drift right
  { x: [0.8, 0.2], y: [0.4, 0.5] }, // drift left
  { x: [0.5, 0.5], y: [0.8, 0.2] }, // tilt up
] as const;

const ZOOM_END = 1.2;
/** zoompan crops whole pixels; working on an upscaled frame hides the resulting jitter. */
const KEN_BURNS_OVERSCALE = 1.5;
const CAPTION_FONT_SIZES = [48, 42, 36] as const;

function even(n: number): number {
  return Math.round(n / 2) * 2;
}

/** Scale to cover `w`x`h` and crop the overflow; only the first frame of the input is used (APNG etc.). */
function coverScale(w: number, h: number): string {
  return `trim=end_frame=1,scale=${w}:${h}:force_original_aspect_ratio=increase:flags=bicubic,crop=${w}:${h},setsar=1`;
}

function caption(prompt: string | undefined, size: OutputSize): { files: RenderPlan["files"]; filters: string[] } {
  if (!prompt) return { files: [], filters: [] };
  const { width: W, height: H } = size;
  const fitted = fitText(prompt, { widthPx: W * 0.88, heightPx: Infinity, fontSizes: CAPTION_FONT_SIZES, lineHeight: 1.35, maxLines: 2 });
  const pad = Math.round(fitted.fontSize * 0.6);
  const bandH = Math.round(fitted.lines.length * fitted.fontSize * 1.35 + 2 * pad);
  const bandY = H - bandH;
  const lines = drawLines({
    prefix: "caption",
    lines: fitted.lines,
    fontSize: fitted.fontSize,
    lineHeight: 1.35,
    baseline: bandY + pad + Math.round(fitted.fontSize * (0.175 + FONT_ASCENT_EM)),
    fontColor: "white",
    fadeStart: 0.6,
    stagger: 0.15,
    rise: 0,
  });
  return { files: lines.files, filters: [`drawbox=x=0:y=${bandY}:w=${W}:h=${bandH}:color=black@0.4:t=fill`, ...lines.filters] };
}

export function planKenBurns(p: { image: ImageInputFile; prompt?: string; key: string }): RenderPlan {
  const size = sizeForImage(p.image.header.width, p.image.header.height);
  const { width: W, height: H } = size;
  const bigW = even(W * KEN_BURNS_OVERSCALE);
  const bigH = even(H * KEN_BURNS_OVERSCALE);
  const path = CAMERA_PATHS[pickFromKey(p.key, 1, CAMERA_PATHS.length)] ?? CAMERA_PATHS[0];
  const last = FRAME_COUNT - 1;
  const along = (from: number, to: number) => `(${from}+${(to - from).toFixed(3)}*on/${last})`;
  const zoompan =
    `zoompan=z='1+${(ZOOM_END - 1).toFixed(3)}*on/${last}'` +
    `:x='(iw-iw/zoom)*${along(path.x[0], path.x[1])}':y='(ih-ih/zoom)*${along(path.y[0], path.y[1])}'` +
    `:d=${FRAME_COUNT}:s=${W}x${H}:fps=${FPS}`;
  const cap = caption(p.prompt, size);
  const filters = [coverScale(bigW, bigH), zoompan, "format=yuv420p", ...cap.filters, coverTap(0)];
  return { size, files: [{ name: p.image.name, data: p.image.data }, ...cap.files], inputs: [p.image.name], filterGraph: `[0:v]${filters.join(",")}` };
}

/** Seconds each image is shown alone before / after the cross-fade. */
const HOLD_FIRST = 1.5;
const TRANSITION = 2;
/** Gentler than the single-image Ken Burns: the cross-fade is the main event. */
const START_END_ZOOM_END = 1.1;

export function planStartEnd(p: { images: [ImageInputFile, ImageInputFile]; prompt?: string; key: string }): RenderPlan {
  const [first, last] = p.images;
  const size = sizeForImage(first.header.width, first.header.height);
  const { width: W, height: H } = size;
  // Each leg lasts offset+duration so the cross-faded result is exactly FRAME_COUNT frames.
  const legFrames = Math.round((FRAME_COUNT / FPS - HOLD_FIRST) * FPS);
  // One continuous, centred push-in runs through both legs (the second starts where the cross-fade
  // begins), so the clip moves like a camera instead of cutting between two stills.
  const bigW = even(W * KEN_BURNS_OVERSCALE);
  const bigH = even(H * KEN_BURNS_OVERSCALE);
  const lastFrame = FRAME_COUNT - 1;
  const leg = (i: number) => {
    const firstFrame = i === 0 ? 0 : FRAME_COUNT - legFrames;
    const zoom = `1+${(START_END_ZOOM_END - 1).toFixed(3)}*(on+${firstFrame})/${lastFrame}`;
    return (
      `[${i}:v]${coverScale(bigW, bigH)},` +
      `zoompan=z='${zoom}':x='(iw-iw/zoom)/2':y='(ih-ih/zoom)/2':d=${legFrames}:s=${W}x${H}:fps=${FPS},` +
      `format=yuv420p,setpts=N/${FPS}/TB[leg${i}]`
    );
  };
  const cap = caption(p.prompt, size);
  const after = ["format=yuv420p", ...cap.filters, coverTap(0)];
  const filterGraph =
    `${leg(0)};${leg(1)};` +
    `[leg0][leg1]xfade=transition=fade:duration=${TRANSITION}:offset=${HOLD_FIRST},${after.join(",")}`;
  return {
    size,
    files: [
      { name: first.name, data: first.data },
      { name: last.name, data: last.data },
      ...cap.files,
    ],
    inputs: [first.name, last.name],
    filterGraph,
  };
}
