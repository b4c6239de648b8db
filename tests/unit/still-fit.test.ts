import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fitToFrame } from "@/lib/server/ai-calls/still-store";
import { stillPlanFor } from "@/lib/shared/film/still-size";

// The stored still is the CogView image fitted to the film's frame by the plan's geometry: scaled to
// cover, the excess cropped evenly, so a band at the top and bottom edge loses the same rows.

async function banded(width: number, height: number, band: number): Promise<Buffer> {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const edge = y < band || y >= height - band;
    for (let x = 0; x < width; x++) rgb[(y * width + x) * 3 + 1] = edge ? 255 : 0;
  }
  return sharp(rgb, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

async function greenAt(img: Buffer, x: number, y: number): Promise<number> {
  const { data, info } = await sharp(img).raw().toBuffer({ resolveWithObject: true });
  return data[(y * info.width + x) * info.channels + 1] ?? 0;
}

describe("fitToFrame", () => {
  it("16:9: 1344x768 becomes a 1920x1080 JPEG, the crop taken evenly from top and bottom", async () => {
    const plan = stillPlanFor("16:9");
    // 12 green rows at each edge: ~17 rows after scaling, of which plan.fit.crop.y (9) are cut.
    const out = await fitToFrame(await banded(plan.still.width, plan.still.height, 12), plan.frame);
    const meta = await sharp(out).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "jpeg", width: 1920, height: 1080 });
    expect(plan.fit.crop).toEqual({ x: 0, y: 9 });
    expect(await greenAt(out, 960, 2)).toBeGreaterThan(200);
    expect(await greenAt(out, 960, 1077)).toBeGreaterThan(200);
    expect(await greenAt(out, 960, 14)).toBeLessThan(50);
    expect(await greenAt(out, 960, 1065)).toBeLessThan(50);
  });

  it("9:16 and 1:1 land exactly on their frames", async () => {
    for (const aspect of ["9:16", "1:1"] as const) {
      const plan = stillPlanFor(aspect);
      const meta = await sharp(await fitToFrame(await banded(plan.still.width, plan.still.height, 0), plan.frame)).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual(plan.frame);
    }
  });

  it("an image of another size than asked is still fitted to the frame", async () => {
    const meta = await sharp(await fitToFrame(await banded(1024, 1024, 0), { width: 1920, height: 1080 })).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 1920, height: 1080 });
  });
});
