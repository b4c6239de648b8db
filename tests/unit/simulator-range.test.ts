import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/simulator/serve-range";

// parseRange against a direct transcription of RFC 9110 §14.1.2 for one range.

function reference(header: string | undefined, size: number) {
  if (!header) return { kind: "full" };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return { kind: "full" };
  if (m[1] === "") {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - n), end: size - 1 };
  }
  const first = Number(m[1]);
  const last = m[2] === "" ? Infinity : Number(m[2]);
  if (last < first) return { kind: "full" };
  if (first >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start: first, end: Math.min(last, size - 1) };
}

describe("parseRange", () => {
  it("handles the usual shapes", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseRange("bytes=0-99999", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseRange("bytes=1000-", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-1,5-9", 1000)).toEqual({ kind: "full" });
    expect(parseRange("items=0-1", 1000)).toEqual({ kind: "full" });
    expect(parseRange("bytes=9-1", 1000)).toEqual({ kind: "full" });
  });

  it("matches the reference for 2,000 generated headers", () => {
    const num = fc.oneof(fc.constant(""), fc.nat({ max: 3000 }).map(String));
    const header = fc.oneof(
      fc.tuple(num, num).map(([a, b]) => `bytes=${a}-${b}`),
      fc.string({ maxLength: 20 }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(header, fc.nat({ max: 2000 }), (h, size) => {
        expect(parseRange(h, size)).toEqual(reference(h, size));
      }),
      { numRuns: 2000 },
    );
  });
});
