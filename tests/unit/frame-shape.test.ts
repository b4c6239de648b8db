import { describe, expect, it } from "vitest";
import { ratioLabel, shapeMismatch, shapeMismatchKey, shapeOf } from "@/lib/shared/frame-shape";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";

describe("frame shapes", () => {
  it("names landscape, portrait and square (within 5 % of 1:1)", () => {
    expect(shapeOf({ width: 1920, height: 1080 })).toBe("landscape");
    expect(shapeOf({ width: 1080, height: 1920 })).toBe("portrait");
    expect(shapeOf({ width: 1000, height: 1000 })).toBe("square");
    expect(shapeOf({ width: 1024, height: 1000 })).toBe("square");
    expect(shapeOf({ width: 1100, height: 1000 })).toBe("landscape");
    expect(shapeOf({ width: 1000, height: 1100 })).toBe("portrait");
  });

  it("a pair of equal area but different shape is a mismatch, with a plain message in both languages", () => {
    const m = shapeMismatch({ width: 320, height: 180 }, { width: 180, height: 320 });
    expect(m).toEqual({ start: "landscape", end: "portrait" });
    expect(en[shapeMismatchKey(m!)]).toBe("The end frame is portrait and the start frame is landscape; crop one to match.");
    expect(zhCN[shapeMismatchKey(m!)]).toContain("竖版");
    expect(shapeMismatch({ width: 1280, height: 720 }, { width: 1920, height: 1080 })).toBeNull();
  });

  it("labels the ratio shortly when it is a small one", () => {
    expect(ratioLabel({ width: 1920, height: 1080 })).toBe("16:9");
    expect(ratioLabel({ width: 720, height: 1280 })).toBe("9:16");
    expect(ratioLabel({ width: 500, height: 500 })).toBe("1:1");
    expect(ratioLabel({ width: 1001, height: 997 })).toBe("1001×997");
  });
});
