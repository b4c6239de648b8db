import { IMAGE_SIZE_PRESETS, formatImageSize, parseImageSize, type ImageSize } from "../upstream/image-models";
import { FILM_FRAME_SIZE, type FilmAspect } from "./cut";

// A shot's still is made at one of CogView's recommended sizes, the one whose shape is nearest the
// film's aspect (16:9 → 1344x768, 9:16 → 768x1344, 1:1 → 1024x1024), and then fitted to the film's
// frame by "cover": scaled until it fills the frame, the small excess cropped evenly from both sides.
// Presets rather than an exact custom size because they are what the platform recommends; the
// shape error is under 2 %, so the crop takes a few pixels off one pair of edges, never content.

export interface FrameFit {
  /** Factor the still is scaled by (both axes alike, so nothing is stretched). */
  scale: number;
  /** Size after scaling: at least the frame on both axes. */
  scaled: ImageSize;
  /** Pixels cut from each side after scaling (left = right = x, top = bottom = y; an odd excess leaves the extra pixel on the right or bottom). */
  crop: { x: number; y: number };
}

export interface StillPlan {
  /** The `size` sent to the platform, e.g. "1344x768". */
  size: string;
  still: ImageSize;
  frame: ImageSize;
  fit: FrameFit;
}

const shapeDistance = (a: ImageSize, ratio: number) => Math.abs(Math.log(a.width / a.height / ratio));

/** The recommended size nearest in shape to width/height `ratio`; a tie goes to the larger image. */
export function nearestPresetSize(ratio: number): ImageSize {
  const presets = IMAGE_SIZE_PRESETS.map((p) => parseImageSize(p)).filter((s): s is ImageSize => s !== undefined);
  return presets.reduce((best, s) => {
    const d = shapeDistance(s, ratio) - shapeDistance(best, ratio);
    if (d < -1e-9) return s;
    return Math.abs(d) <= 1e-9 && s.width * s.height > best.width * best.height ? s : best;
  });
}

/** How `still` fills `frame`: scaled to cover, centred, the excess cropped. */
export function coverFit(still: ImageSize, frame: ImageSize): FrameFit {
  const scale = Math.max(frame.width / still.width, frame.height / still.height);
  const scaled = { width: Math.ceil(still.width * scale - 1e-9), height: Math.ceil(still.height * scale - 1e-9) };
  return { scale, scaled, crop: { x: Math.floor((scaled.width - frame.width) / 2), y: Math.floor((scaled.height - frame.height) / 2) } };
}

export function stillPlanFor(aspect: FilmAspect): StillPlan {
  const frame = FILM_FRAME_SIZE[aspect];
  const still = nearestPresetSize(frame.width / frame.height);
  return { size: formatImageSize(still), still, frame, fit: coverFit(still, frame) };
}
