import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImageHeader } from "@/lib/simulator/render/image-header";
import { InvalidImageError } from "@/lib/simulator/render/render-errors";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/images", name));

function reasonOf(bytes: Buffer, index = 0): string {
  try {
    readImageHeader(bytes, index);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidImageError);
    return (e as InvalidImageError).reason;
  }
  return "ok";
}

/** A VP8X WebP header: flags byte, then 24-bit (width-1) and (height-1). */
function vp8x(width: number, height: number, flags = 0): Buffer {
  const b = Buffer.alloc(30);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(22, 4);
  b.write("WEBPVP8X", 8, "latin1");
  b.writeUInt32LE(10, 16);
  b[20] = flags;
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

describe("readImageHeader", () => {
  it.each([
    ["landscape.png", "png", 320, 180],
    ["landscape-end.jpg", "jpeg", 320, 180],
    ["portrait.jpg", "jpeg", 180, 320],
    ["square.webp", "webp", 200, 200],
    ["square-lossless.webp", "webp", 200, 200],
  ] as const)("reads %s", (name, format, width, height) => {
    expect(readImageHeader(fixture(name))).toEqual({ format, width, height });
  });

  it("reads extended (VP8X) WebP and rejects animated WebP", () => {
    expect(readImageHeader(vp8x(640, 480))).toEqual({ format: "webp", width: 640, height: 480 });
    expect(reasonOf(vp8x(640, 480, 0x02))).toBe("animated");
  });

  it("rejects non-images, empty input and truncated headers", () => {
    expect(reasonOf(fixture("not-an-image.txt"))).toBe("unknown-format");
    expect(reasonOf(Buffer.alloc(0))).toBe("unknown-format");
    expect(reasonOf(fixture("landscape.png").subarray(0, 20))).toBe("truncated");
    expect(reasonOf(fixture("portrait.jpg").subarray(0, 40))).toBe("truncated");
  });

  it("rejects absurd dimensions (decompression bombs)", () => {
    expect(reasonOf(vp8x(16_000, 16_000))).toBe("bad-dimensions");
    expect(reasonOf(vp8x(20_000, 10))).toBe("bad-dimensions");
  });

  it("says which image failed", () => {
    try {
      readImageHeader(Buffer.from("nope"), 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ imageIndex: 1, code: "invalid_image" });
    }
  });
});
