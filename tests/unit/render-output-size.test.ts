import { describe, expect, it } from "vitest";
import { OUTPUT_SIZES, sizeForImage } from "@/lib/simulator/render/output-size";

describe("sizeForImage", () => {
  it.each([
    [1920, 1080, "16:9"],
    [320, 180, "16:9"],
    [4000, 1000, "16:9"], // 4:1 panorama still lands on the widest size
    [1080, 1920, "9:16"],
    [1000, 4000, "9:16"],
    [500, 500, "1:1"],
    [1200, 1000, "1:1"], // 6:5 is nearer square than 16:9
    [1600, 1000, "16:9"], // 16:10 is nearer 16:9
    [1000, 1600, "9:16"],
    [1024, 768, "16:9"], // 4:3 is exactly halfway on a log scale: the tie goes to the non-square size
    [768, 1024, "9:16"],
  ] as const)("%i x %i → %s", (w, h, expected) => {
    expect(sizeForImage(w, h).aspectRatio).toBe(expected);
  });

  it("is symmetric between portrait and landscape", () => {
    for (const [w, h] of [[4, 3], [3, 2], [7, 5]] as const) {
      const landscape = sizeForImage(w * 100, h * 100).aspectRatio;
      const portrait = sizeForImage(h * 100, w * 100).aspectRatio;
      expect(portrait).toBe(landscape === "1:1" ? "1:1" : "9:16");
    }
  });

  it("uses 1080p in every orientation", () => {
    expect(OUTPUT_SIZES["16:9"]).toMatchObject({ width: 1920, height: 1080 });
    expect(OUTPUT_SIZES["9:16"]).toMatchObject({ width: 1080, height: 1920 });
    expect(OUTPUT_SIZES["1:1"]).toMatchObject({ width: 1080, height: 1080 });
  });
});
