// The shape of a frame (landscape, portrait, square) and the start–end rule built on it: the two
// frames of a start–end clip must have the same shape — a pixel-area check alone lets a landscape
// start and a portrait end through, and the upstream then morphs one shape into the other. Shared by
// the form (a live message next to the end frame, the output-shape preview) and the server
// (422 start_end_shape, lib/server/generations/create-generation.ts).

export type FrameShape = "landscape" | "portrait" | "square";

/** Within 5 % of 1:1 reads as square (a 1024×1000 crop is meant to be square). */
const SQUARE_TOLERANCE = 0.05;

export function shapeOf(frame: { width: number; height: number }): FrameShape {
  const r = frame.width / frame.height;
  if (Math.abs(r - 1) <= SQUARE_TOLERANCE) return "square";
  return r > 1 ? "landscape" : "portrait";
}

/** The two shapes when they differ, else null. */
export function shapeMismatch(start: { width: number; height: number }, end: { width: number; height: number }): { start: FrameShape; end: FrameShape } | null {
  const a = shapeOf(start);
  const b = shapeOf(end);
  return a === b ? null : { start: a, end: b };
}

const MISMATCH_KEYS = {
  "landscape.portrait": "studio.error.shape.landscape.portrait",
  "landscape.square": "studio.error.shape.landscape.square",
  "portrait.landscape": "studio.error.shape.portrait.landscape",
  "portrait.square": "studio.error.shape.portrait.square",
  "square.landscape": "studio.error.shape.square.landscape",
  "square.portrait": "studio.error.shape.square.portrait",
} as const;

/** The message key naming both shapes in plain words ("The end frame is portrait and the start frame is landscape; crop one to match."). */
export function shapeMismatchKey(m: { start: FrameShape; end: FrameShape }): (typeof MISMATCH_KEYS)[keyof typeof MISMATCH_KEYS] {
  return MISMATCH_KEYS[`${m.start}.${m.end}` as keyof typeof MISMATCH_KEYS];
}

/** A small whole-number ratio for a label ("16:9", "9:16", "1:1"), or the pixel size when there is none short. */
export function ratioLabel(frame: { width: number; height: number }): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(frame.width, frame.height);
  const w = frame.width / g;
  const h = frame.height / g;
  return w <= 32 && h <= 32 ? `${w}:${h}` : `${frame.width}×${frame.height}`;
}
