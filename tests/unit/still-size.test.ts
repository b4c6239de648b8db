import { describe, expect, it } from "vitest";
import { FILM_ASPECTS } from "@/lib/shared/film/cut";
import { coverFit, nearestPresetSize, stillPlanFor } from "@/lib/shared/film/still-size";
import { IMAGE_SIZE_PRESETS, isAllowedImageSize, parseImageSize } from "@/lib/shared/upstream/image-models";

describe("stillPlanFor: a film aspect → the CogView size and its fit to the frame", () => {
  it.each([
    ["16:9", "1344x768", { x: 0, y: 9 }],
    ["9:16", "768x1344", { x: 9, y: 0 }],
    ["1:1", "1024x1024", { x: 0, y: 0 }],
  ] as const)("%s → %s, cropped %o", (aspect, size, crop) => {
    const plan = stillPlanFor(aspect);
    expect(plan.size).toBe(size);
    expect(parseImageSize(plan.size)).toEqual(plan.still);
    expect(plan.fit.crop).toEqual(crop);
  });

  it.each(FILM_ASPECTS)("%s: the scaled still covers the frame and the crop leaves exactly the frame", (aspect) => {
    const { fit, frame, still } = stillPlanFor(aspect);
    expect(isAllowedImageSize(still.width, still.height)).toBe(true);
    expect(fit.scaled.width).toBeGreaterThanOrEqual(frame.width);
    expect(fit.scaled.height).toBeGreaterThanOrEqual(frame.height);
    expect(fit.scaled.width - 2 * fit.crop.x - frame.width).toBeLessThanOrEqual(1);
    expect(fit.scaled.height - 2 * fit.crop.y - frame.height).toBeLessThanOrEqual(1);
    // Cover, not stretch: one scale for both axes, and at most 2 % of either side is lost.
    expect((2 * fit.crop.x) / fit.scaled.width).toBeLessThan(0.02);
    expect((2 * fit.crop.y) / fit.scaled.height).toBeLessThan(0.02);
  });
});

describe("nearestPresetSize", () => {
  it("picks the preset nearest in shape for any ratio", () => {
    expect(nearestPresetSize(2)).toEqual({ width: 1440, height: 720 });
    expect(nearestPresetSize(0.5)).toEqual({ width: 720, height: 1440 });
    expect(nearestPresetSize(4 / 3)).toEqual({ width: 1152, height: 864 });
    expect(nearestPresetSize(3 / 4)).toEqual({ width: 864, height: 1152 });
    expect(nearestPresetSize(10)).toEqual({ width: 1440, height: 720 });
  });

  it("only ever returns a documented preset", () => {
    for (const r of [0.3, 0.6, 0.9, 1, 1.1, 1.5, 1.9, 3]) {
      const s = nearestPresetSize(r);
      expect(IMAGE_SIZE_PRESETS).toContain(`${s.width}x${s.height}`);
    }
  });
});

describe("coverFit", () => {
  it("a still of the frame's exact shape is only scaled", () => {
    expect(coverFit({ width: 1024, height: 576 }, { width: 1920, height: 1080 })).toEqual({ scale: 1.875, scaled: { width: 1920, height: 1080 }, crop: { x: 0, y: 0 } });
  });
});

describe("CogView size rules", () => {
  it.each([
    ["1024x1024", true],
    ["1344x768", true],
    ["512x2048", true], // 2^20 pixels
    ["2048x1024", true], // exactly 2^21
    ["2048x1040", false], // over 2^21 pixels
    ["1000x1000", false], // not divisible by 16
    ["496x1024", false], // under 512
    ["2064x512", false], // over 2048
    ["1024*1024", false],
    ["1024x", false],
  ])("%s allowed: %s", (size, ok) => {
    expect(parseImageSize(size) !== undefined).toBe(ok);
  });
});
