import { createHash } from "node:crypto";
import { encodePng } from "./png-encode";

// The simulator's CogView still: a PNG of exactly the requested size whose look is a pure function of
// the prompt (same prompt and size → the same bytes). A diagonal gradient in two colours drawn from
// the prompt's hash, and across the middle a band that shows the prompt itself: each UTF-8 byte as a
// column of eight cells, light for 1, dark for 0, most significant bit on top, so a test (or a curious
// person) can read the prompt back from the pixels. The full prompt is also in the PNG's text chunk.

export const STILL_CELL_PX = 8;
export const STILL_BAND_BITS = 8;

function colour(hash: Buffer, offset: number): [number, number, number] {
  // Keep channels in 40–215 so the light and dark cells of the band stay visible on top.
  return [0, 1, 2].map((i) => 40 + ((hash[offset + i] ?? 0) % 176)) as [number, number, number];
}

/** Top-left pixel of the band and how many prompt bytes it shows at this size. */
export function stillBandLayout(width: number, height: number, promptBytes: number): { x0: number; y0: number; count: number } {
  const count = Math.min(promptBytes, Math.floor(width / STILL_CELL_PX) - 2);
  return { x0: STILL_CELL_PX, y0: Math.floor((height - STILL_BAND_BITS * STILL_CELL_PX) / 2), count };
}

export function renderStill(prompt: string, width: number, height: number): Buffer {
  const hash = createHash("sha256").update(`${width}x${height}\n${prompt}`).digest();
  const a = colour(hash, 0);
  const b = colour(hash, 3);
  const bytes = Buffer.from(prompt, "utf8");
  const band = stillBandLayout(width, height, bytes.length);
  const rgb = Buffer.alloc(width * height * 3);
  const span = width + height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x + y) / span;
      const o = (y * width + x) * 3;
      rgb[o] = Math.round(a[0] + (b[0] - a[0]) * t);
      rgb[o + 1] = Math.round(a[1] + (b[1] - a[1]) * t);
      rgb[o + 2] = Math.round(a[2] + (b[2] - a[2]) * t);
    }
  }
  for (let i = 0; i < band.count; i++) {
    const byte = bytes[i] ?? 0;
    for (let bit = 0; bit < STILL_BAND_BITS; bit++) {
      const on = (byte >> (STILL_BAND_BITS - 1 - bit)) & 1;
      const v = on ? 245 : 15;
      const cx = band.x0 + i * STILL_CELL_PX;
      const cy = band.y0 + bit * STILL_CELL_PX;
      for (let y = cy; y < cy + STILL_CELL_PX; y++) rgb.fill(v, (y * width + cx) * 3, (y * width + cx + STILL_CELL_PX) * 3);
    }
  }
  return encodePng(width, height, rgb, { Description: prompt, Software: "Framehouse simulator (CogView)" });
}
