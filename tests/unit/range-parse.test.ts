import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentRange, parseRange, type RangeResult, unsatisfiedRange } from "@/lib/shared/http-range";

// Independent reference: regexes + BigInt arithmetic instead of the scanner + digit-string
// comparison used by parseRange, written straight from RFC 9110 §14.1 and our single-range policy.
function reference(header: string | null, size: number): RangeResult {
  if (header === null) return { kind: "none" };
  const m = /^([^=]*)=([\s\S]*)$/.exec(header);
  if (!m || (m[1] ?? "").toLowerCase() !== "bytes") return { kind: "none" };
  const elements = (m[2] ?? "")
    .split(",")
    .map((e) => e.replace(/^[ \t]+|[ \t]+$/g, ""))
    .filter((e) => e.length > 0);
  if (elements.length !== 1) return { kind: "none" };
  const e = elements[0] ?? "";
  const n = BigInt(size);
  const int = /^(\d+)-(\d*)$/.exec(e);
  if (int) {
    const first = BigInt(int[1] ?? "0");
    const last = int[2] ? BigInt(int[2]) : null;
    if (last !== null && last < first) return { kind: "none" };
    if (first >= n) return { kind: "unsatisfiable" };
    const end = last === null || last > n - 1n ? n - 1n : last;
    return { kind: "range", start: Number(first), end: Number(end) };
  }
  const suffix = /^-(\d+)$/.exec(e);
  if (suffix) {
    const len = BigInt(suffix[1] ?? "0");
    if (len === 0n || n === 0n) return { kind: "unsatisfiable" };
    return { kind: "range", start: Number(len >= n ? 0n : n - len), end: size - 1 };
  }
  return { kind: "none" };
}

const digits = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 2_000 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("0", "00", "007", "9007199254740993", "9007199254740992", "1".repeat(400)) },
);
const ows = fc.constantFrom("", " ", "\t", "  ");
const spec = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(digits, digits).map(([a, b]) => `${a}-${b}`) }, // reversed/overlapping too
  { weight: 2, arbitrary: digits.map((a) => `${a}-`) },
  { weight: 2, arbitrary: digits.map((n) => `-${n}`) },
  { weight: 1, arbitrary: fc.constant("-0") },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "-", "--1", "1--2", "a-b", "1-2-3", " 1-2", "0x10-20", "+1-2", "1.5-2", "−5"),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const element = fc.tuple(ows, spec, ows).map(([a, s, b]) => `${a}${s}${b}`);
const rangeSet = fc.oneof(
  { weight: 6, arbitrary: element },
  { weight: 1, arbitrary: fc.tuple(element, fc.constantFrom(",", ", ,", ",,")).map(([e, c]) => `${c}${e}${c}`) },
  { weight: 3, arbitrary: fc.array(element, { minLength: 2, maxLength: 6 }).map((p) => p.join(",")) },
);
const unit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("bytes", "Bytes", "BYTES") },
  { weight: 2, arbitrary: fc.constantFrom("items", "bytes ", "", "byte", "none") },
);
const header = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(unit, rangeSet).map(([u, s]) => `${u}=${s}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const size = fc.oneof(fc.constantFrom(0, 1, 2, 1000, 2 ** 31, Number.MAX_SAFE_INTEGER), fc.nat({ max: 3_000 }));

describe("parseRange", () => {
  it("matches the reference implementation on 5,000 random headers", () => {
    let runs = 0;
    const kinds = { none: 0, range: 0, unsatisfiable: 0 };
    fc.assert(
      fc.property(header, size, (h, n) => {
        runs++;
        const got = parseRange(h, n);
        kinds[got.kind]++;
        expect(got).toEqual(reference(h, n));
      }),
      { numRuns: 5_000 },
    );
    expect(runs).toBeGreaterThanOrEqual(5_000);
    // The generator must exercise every outcome, not just junk.
    expect(kinds.range).toBeGreaterThan(500);
    expect(kinds.unsatisfiable).toBeGreaterThan(200);
    expect(kinds.none).toBeGreaterThan(500);
  });

  it("every satisfiable result lies inside the representation", () => {
    fc.assert(
      fc.property(header, size, (h, n) => {
        const r = parseRange(h, n);
        if (r.kind === "range") {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThan(n);
          expect(r.start).toBeLessThanOrEqual(r.end);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it.each<[string | null, number, RangeResult]>([
    [null, 100, { kind: "none" }],
    ["bytes=0-9", 100, { kind: "range", start: 0, end: 9 }],
    ["bytes=10-", 100, { kind: "range", start: 10, end: 99 }],
    ["bytes=-10", 100, { kind: "range", start: 90, end: 99 }],
    ["bytes=-1000", 100, { kind: "range", start: 0, end: 99 }],
    ["bytes=-0", 100, { kind: "unsatisfiable" }],
    ["bytes=0-999999", 100, { kind: "range", start: 0, end: 99 }],
    ["bytes=100-", 100, { kind: "unsatisfiable" }],
    ["bytes=100-200", 100, { kind: "unsatisfiable" }],
    ["bytes=99-99", 100, { kind: "range", start: 99, end: 99 }],
    ["bytes=9-0", 100, { kind: "none" }],
    ["bytes=0-1,2-3", 100, { kind: "none" }],
    ["bytes=0-1, ,", 100, { kind: "range", start: 0, end: 1 }],
    ["items=0-1", 100, { kind: "none" }],
    ["bytes=abc", 100, { kind: "none" }],
    ["Bytes=0-0", 100, { kind: "range", start: 0, end: 0 }],
    ["bytes=0-", 0, { kind: "unsatisfiable" }],
    ["bytes=-5", 0, { kind: "unsatisfiable" }],
    [`bytes=0-${"9".repeat(500)}`, 100, { kind: "range", start: 0, end: 99 }],
  ])("%s of %i → %o", (h, n, expected) => {
    expect(parseRange(h, n)).toEqual(expected);
  });

  it("answers a 1,000-range header as a full 200 (kind none) quickly", () => {
    const h = `bytes=${Array.from({ length: 1_000 }, (_, i) => `${i}-${i + 1}`).join(",")}`;
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) expect(parseRange(h, 10_000).kind).toBe("none");
    const perCall = (performance.now() - t0) / 100;
    expect(perCall).toBeLessThan(5);
  });

  it("formats Content-Range values", () => {
    expect(contentRange(0, 9, 100)).toBe("bytes 0-9/100");
    expect(unsatisfiedRange(100)).toBe("bytes */100");
  });
});
