import { describe, expect, it } from "vitest";
import { atLeast, atMost, type BenchRow, fmtMs, fmtRatio, formatConsole, formatTable, verdict } from "@/bench/harness/report";
import { galleryRows } from "@/bench/harness/gallery-rows";
import { alternatingRounds, sideBySideReport } from "@/bench/harness/side-by-side";
import { averageOpen, backlogUtilisation, handoffGaps, mean, median, peakOpen, percentile, ratio, summarize, throughput } from "@/bench/harness/stats";

// The benchmark harness's own arithmetic ("a unit test checks only that the harness computes
// its statistics correctly"). No benchmark runs here.

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe("percentiles (nearest rank)", () => {
  it("on 1..100: p50 = 50, p95 = 95, p99 = 99, p100 = 100, p0 = 1", () => {
    expect(percentile(oneToHundred, 0.5)).toBe(50);
    expect(percentile(oneToHundred, 0.95)).toBe(95);
    expect(percentile(oneToHundred, 0.99)).toBe(99);
    expect(percentile(oneToHundred, 1)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
  });

  it("does not depend on input order and never interpolates", () => {
    const shuffled = [...oneToHundred].reverse();
    expect(percentile(shuffled, 0.95)).toBe(95);
    expect(percentile([10, 20], 0.5)).toBe(10);
    expect(percentile([10, 20], 0.51)).toBe(20);
    expect(percentile([3, 1, 2], 0.99)).toBe(3);
  });

  it("p99 of a small sample is its maximum; one outlier in 1,000 does not move p99", () => {
    expect(percentile([5, 6, 7, 8, 9], 0.99)).toBe(9);
    const xs = [...Array.from({ length: 999 }, () => 10), 5_000];
    expect(percentile(xs, 0.99)).toBe(10);
    expect(percentile(xs, 1)).toBe(5_000);
  });

  it("NaN for no data, and a RangeError for q outside [0, 1]", () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe("median, mean, summary", () => {
  it("median averages the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7, 1, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it("summarize reports count, extremes, mean and the percentiles", () => {
    expect(summarize(oneToHundred)).toEqual({ count: 100, min: 1, median: 50.5, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});

describe("ratios and rates", () => {
  it("measured ÷ baseline, NaN (never Infinity) for a zero or missing baseline", () => {
    expect(ratio(105, 100)).toBeCloseTo(1.05, 12);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });

  it("throughput is bytes per second from milliseconds", () => {
    expect(throughput(50 * 2 ** 20, 500)).toBe(100 * 2 ** 20);
    expect(throughput(1, 0)).toBeNaN();
  });
});

describe("in-flight over time", () => {
  const intervals = [
    { start: 0, end: 10 },
    { start: 0, end: 5 },
    { start: 5, end: 10 },
    { start: 8, end: 20 },
  ];

  it("average open count is the integral over the window divided by its length", () => {
    // 0–5: 2 open, 5–8: 2, 8–10: 3, 10–20: 1 → (10 + 6 + 6 + 10) / 20
    expect(averageOpen(intervals, 0, 20)).toBeCloseTo(32 / 20, 12);
    // Clipped to 0–10: (10 + 6 + 6) / 10
    expect(averageOpen(intervals, 0, 10)).toBeCloseTo(2.2, 12);
    expect(averageOpen(intervals, 5, 5)).toBeNaN();
  });

  it("peak counts simultaneous intervals, a slot freed at t being reusable at t", () => {
    expect(peakOpen(intervals)).toBe(3);
    expect(peakOpen([{ start: 0, end: 1 }, { start: 1, end: 2 }])).toBe(1);
    expect(peakOpen([])).toBe(0);
  });

  it("backlog utilisation: in flight ÷ cap from the first start to the last start, the drain left out", () => {
    // Cap 2, starts at 0, 0, 5, 8 (the last start): two open all through 0–8, so full; the drain after 8 is not counted.
    const full = [
      { start: 0, end: 5 },
      { start: 0, end: 8 },
      { start: 5, end: 30 },
      { start: 8, end: 9 },
    ];
    expect(backlogUtilisation(full, 2)).toEqual({ utilisation: 1, backlogMs: 8, peak: 2 });
    // One slot idle 2–5 of 0–8: (2·8 − 3) / (2·8).
    const gap = [
      { start: 0, end: 2 },
      { start: 0, end: 9 },
      { start: 5, end: 8 },
      { start: 8, end: 12 },
    ];
    expect(backlogUtilisation(gap, 2).utilisation).toBeCloseTo(13 / 16, 12);
    expect(backlogUtilisation([], 2).utilisation).toBeNaN();
  });

  it("handoff gaps: each start after the first cap ones, minus the end that freed its slot", () => {
    // Cap 2: slots freed at 3 and 4 are reused at 3.5 and 6; the fifth start waits for the end at 7.
    const lane = [
      { start: 0, end: 3 },
      { start: 0, end: 4 },
      { start: 3.5, end: 7 },
      { start: 6, end: 9 },
      { start: 7, end: 8 },
    ];
    expect(handoffGaps(lane, 2)).toEqual([0.5, 2, 0]);
    expect(handoffGaps(lane.slice(0, 2), 2)).toEqual([]);
  });
});

describe("verdicts and table formatting", () => {
  it("≤ and ≥ targets; an unmeasurable (NaN) figure is a MISS, not a PASS", () => {
    expect(atMost(1.05, 1.05)).toBe("PASS");
    expect(atMost(1.06, 1.05)).toBe("MISS");
    expect(atLeast(0.95, 0.95)).toBe("PASS");
    expect(atLeast(NaN, 0.95)).toBe("MISS");
    expect(atMost(NaN, 1)).toBe("MISS");
    expect(verdict(null)).toBe("n/a");
  });

  it("formats numbers for the table", () => {
    expect(fmtRatio(1.2345)).toBe("1.23×");
    expect(fmtMs(12.345)).toBe("12.3 ms");
    expect(fmtRatio(NaN)).toBe("—");
  });

  const rows: BenchRow[] = [
    { id: "P1", figure: "median a|b", measured: "1.02×", target: "≤ 1.05×", verdict: "PASS", conditions: "50 users\nloaded" },
    { id: "P6", figure: "utilisation", measured: "0.91", target: "≥ 0.95", verdict: "MISS", conditions: "cap 5" },
  ];

  it("renders a markdown table: header, alignment row, one row per figure, pipes and newlines escaped", () => {
    const lines = formatTable(rows).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("| id | figure | measured | target | verdict | measured against / under |");
    expect(lines[1]).toBe("|---|---|---:|---|---|---|");
    expect(lines[2]).toBe("| P1 | median a\\|b | 1.02× | ≤ 1.05× | **PASS** | 50 users loaded |");
    expect(lines[3]).toBe("| P6 | utilisation | 0.91 | ≥ 0.95 | **MISS** | cap 5 |");
  });

  it("renders aligned console columns", () => {
    const lines = formatConsole(rows).split("\n");
    expect(lines).toHaveLength(3);
    const col = (lines[0] ?? "").indexOf("measured");
    expect((lines[1] ?? "").slice(col, col + 5)).toBe("1.02×");
    expect((lines[2] ?? "").slice(col, col + 4)).toBe("0.91");
  });
});

describe("G1 rows", () => {
  const latency = [
    { provider: "sqlite", clips: 10_000, combo: "status=STORED", requests: 30, p50: 5, p95: 80, max: 90 },
    { provider: "sqlite", clips: 10_000, combo: "ALL", requests: 300, p50: 5, p95: 20, max: 90 },
  ];
  const first = { clips: 100, requests: 38, bytes: 600 * 1024, byType: {}, posterBytes: 12_000, postersOnScreen: 7, open: 0, failed: 0, ms: 1 };

  it("one p95 row per size from the all-filters sample, and the first screen against its byte budget", () => {
    const rows = galleryRows({ rows: latency, first, p95TargetMs: 50, firstScreenTarget: 1024 * 1024 });
    expect(rows.map((r) => [r.measured, r.verdict])).toEqual([
      ["20.0 ms", "PASS"],
      ["600 KiB", "PASS"],
    ]);
  });

  it("a first screen that failed is a MISS with its reason; only an explicit --no-browser is n/a", () => {
    const failed = galleryRows({ rows: [], first: null, p95TargetMs: 50, firstScreenTarget: 1, skipped: "timeout\nstack" });
    expect(failed[0]).toMatchObject({ verdict: "MISS", measured: "not measured", conditions: "timeout" });
    expect(galleryRows({ rows: [], first: null, p95TargetMs: 50, firstScreenTarget: 1, skipped: "--no-browser" })[0]?.verdict).toBe("n/a");
  });
});

describe("side-by-side rounds (T1 benches)", () => {
  it("reverses the order every other round and keeps each side's runs in round order", () => {
    const calls: string[] = [];
    const runs = alternatingRounds(3, ["a", "b"], (side, round) => {
      calls.push(`${round}${side}`);
      return `${side}${round}`;
    });
    expect(calls).toEqual(["0a", "0b", "1b", "1a", "2a", "2b"]);
    expect(runs).toEqual({ a: ["a0", "a1", "a2"], b: ["b0", "b1", "b2"] });
  });

  it("reports the median of per-round ratios, not the ratio of medians", () => {
    const baseline = { label: "before", name: "old", runs: [{ wall: 100, cpu: 200 }, { wall: 200, cpu: 400 }] };
    const measured = { label: "after", name: "new", runs: [{ wall: 50, cpu: 150 }, { wall: 160, cpu: 300 }] };
    const lines = sideBySideReport("setup", baseline, measured).split("\n");
    expect(lines[2]).toBe("| before | 150.0 s (100.0, 200.0) | 300.0 s (200.0, 400.0) |");
    expect(lines[3]).toBe("| after | 105.0 s (50.0, 160.0) | 225.0 s (150.0, 300.0) |");
    // per round: wall 0.5 and 0.8 (median 0.65), CPU 0.75 both
    expect(lines[4]).toBe("new ÷ old, median of per-round ratios: wall 0.65× (rounds 0.50×–0.80×), CPU 0.75× (rounds 0.75×–0.75×)");
  });
});
