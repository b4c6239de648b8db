import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sniffImageType } from "@/lib/shared/image-type";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const b = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("sniffImageType", () => {
  it("recognises png, jpeg and webp by magic bytes only", () => {
    expect(sniffImageType(b(PNG, "rest"))).toBe("png");
    expect(sniffImageType(b([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImageType(b("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
  });
  it("refuses everything else, including near misses", () => {
    for (const bytes of [
      b("GIF89a"),
      b("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      b("RIFF", [1, 2, 3, 4], "WAVEfmt "),
      b(PNG.slice(0, 7)),
      b([0xff, 0xd8]),
      b("BM"),
      b([0, 0, 0, 0x18], "ftypheic"),
      b(""),
      b("\u00ef\u00bb\u00bf<html>"),
    ]) {
      expect(sniffImageType(bytes)).toBeNull();
    }
  });
  it("never throws on arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const r = sniffImageType(bytes);
      expect(r === null || ["png", "jpeg", "webp"].includes(r)).toBe(true);
    }), { numRuns: 500 });
  });
});
