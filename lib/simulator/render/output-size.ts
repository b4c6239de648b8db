// The three output sizes Vidu Q1 produces (1080p in every orientation) and how an image picks one.

export type AspectRatio = "16:9" | "9:16" | "1:1";

export interface OutputSize {
  aspectRatio: AspectRatio;
  width: number;
  height: number;
}

export const OUTPUT_SIZES: Readonly<Record<AspectRatio, OutputSize>> = {
  "16:9": { aspectRatio: "16:9", width: 1920, height: 1080 },
  "9:16": { aspectRatio: "9:16", width: 1080, height: 1920 },
  "1:1": { aspectRatio: "1:1", width: 1080, height: 1080 },
};

/**
 * The output size whose aspect is closest to the image's. Compared on a log scale so that 2:1 and 1:2
 * are equally far from 1:1 (a plain ratio difference would favour portrait). 4:3 sits exactly halfway
 * between 1:1 and 16:9; ties go to the non-square size (checked first), in both orientations alike.
 */
export function sizeForImage(width: number, height: number): OutputSize {
  const imageLog = Math.log(width / height);
  let best = OUTPUT_SIZES["16:9"];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const size of Object.values(OUTPUT_SIZES)) {
    const distance = Math.abs(Math.log(size.width / size.height) - imageLog);
    if (distance < bestDistance - 1e-9) {
      best = size;
      bestDistance = distance;
    }
  }
  return best;
}
