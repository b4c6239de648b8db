// CogView image generation as docs/upstream.md ("Images (CogView-4)") describes it. Isomorphic: the
// studio's client, the simulator and the still-size helper all read these, so they agree on what a
// valid size is.

export const DEFAULT_IMAGE_MODEL = "cogview-4-250304";
/** Model codes the platform lists for POST /images/generations (the simulator accepts these). */
export const IMAGE_MODELS = ["cogview-4-250304", "cogview-4", "cogview-3-flash"] as const;

export const IMAGE_QUALITIES = ["standard", "hd"] as const;
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];

/** The documented recommended sizes, "1024x1024" the default. */
export const IMAGE_SIZE_PRESETS = ["1024x1024", "768x1344", "864x1152", "1344x768", "1152x864", "1440x720", "720x1440"] as const;
export const DEFAULT_IMAGE_SIZE = "1024x1024";

/** Custom sizes: each side 512–2048 px and divisible by 16, at most 2^21 pixels in all. */
const IMAGE_SIDE_MIN = 512;
const IMAGE_SIDE_MAX = 2048;
const IMAGE_SIDE_STEP = 16;
const IMAGE_MAX_PIXELS = 2 ** 21;

/** Not documented for CogView-4 ("any length"); assumed (docs/upstream.md): over 1000 code points is 1261. */
export const IMAGE_PROMPT_MAX_CHARS = 1000;

/** Documented generation time per quality, in seconds. */
export const IMAGE_SECONDS: Record<ImageQuality, { min: number; max: number }> = {
  standard: { min: 5, max: 10 },
  hd: { min: 15, max: 25 },
};

/** Image links are temporary: documented as 30 days for CogView (assumed the same for CogView-4). */
export const IMAGE_URL_TTL_SECONDS = 30 * 86_400;

export interface ImageSize {
  width: number;
  height: number;
}

/** "1344x768" → {1344, 768} when the platform accepts that size; undefined otherwise. */
export function parseImageSize(size: string): ImageSize | undefined {
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(size);
  if (!m) return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return isAllowedImageSize(width, height) ? { width, height } : undefined;
}

export function isAllowedImageSize(width: number, height: number): boolean {
  const side = (n: number) => Number.isInteger(n) && n >= IMAGE_SIDE_MIN && n <= IMAGE_SIDE_MAX && n % IMAGE_SIDE_STEP === 0;
  return side(width) && side(height) && width * height <= IMAGE_MAX_PIXELS;
}

export function formatImageSize(s: ImageSize): string {
  return `${s.width}x${s.height}`;
}
