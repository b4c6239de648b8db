// The Vidu Q1 models the studio uses and the enums/limits the upstream contract documents for them
// (docs/upstream.md §2). Isomorphic: imported by the browser form, the server client and
// the simulator, so all three agree on what a valid request is.

export const VIDEO_MODELS = ["viduq1-text", "viduq1-image", "viduq1-start-end"] as const;
export type VideoModel = (typeof VIDEO_MODELS)[number];

export const STYLES = ["general", "anime"] as const;
export const ASPECT_RATIOS = ["16:9", "9:16", "1:1"] as const;
export const MOVEMENT_AMPLITUDES = ["auto", "small", "medium", "large"] as const;

export type Style = (typeof STYLES)[number];
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type MovementAmplitude = (typeof MOVEMENT_AMPLITUDES)[number];

/** "max 512 characters": counted in Unicode code points so a CJK prompt is not penalised. */
export const PROMPT_MAX_CHARS = 512;
export const USER_ID_MIN = 6;
export const USER_ID_MAX = 128;
/** Not documented upstream; a generous bound so a runaway value is caught before sending. */
export const REQUEST_ID_MAX = 128;

/** Aspect ratio of each input image must lie within 1:4 … 4:1. */
export const IMAGE_ASPECT_MIN = 1 / 4;
export const IMAGE_ASPECT_MAX = 4;
/** First/last frame resolution ratio for start-end (interpreted as pixel-area ratio). */
export const START_END_RATIO_MIN = 0.8;
export const START_END_RATIO_MAX = 1.25;

export const IMAGE_DATA_URI_RE = /^data:image\/(png|jpeg|jpg|webp);base64,/;

export function promptLength(prompt: string): number {
  return [...prompt].length;
}

/** Mean generation time per model (seconds) from a reseller's table (docs/upstream.md §5). */
export const GENERATION_SECONDS: Record<VideoModel, { min: number; max: number }> = {
  "viduq1-text": { min: 270, max: 300 },
  "viduq1-image": { min: 140, max: 160 },
  "viduq1-start-end": { min: 90, max: 110 },
};
