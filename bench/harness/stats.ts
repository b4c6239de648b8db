// Pure statistics for the benchmarks (tests/unit/bench-stats.test.ts checks them on known data).
// Percentiles use the nearest-rank definition: the smallest sample with at least q·n samples at or
// below it, so p99 of 100 samples is the 99th smallest and never an interpolated value nobody saw.

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of `values` (need not be sorted); NaN for an empty list. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  if (q < 0 || q > 1) throw new RangeError(`percentile q must be in [0, 1], got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? NaN;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Median as the average of the two middle values for an even count (the textbook one). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] ?? NaN;
  return ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    min: values.length ? Math.min(...values) : NaN,
    median: median(values),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
    max: values.length ? Math.max(...values) : NaN,
    mean: mean(values),
  };
}

/** measured ÷ baseline; NaN when the baseline is zero or missing (never Infinity in a table). */
export function ratio(measured: number, baseline: number): number {
  if (!Number.isFinite(measured) || !Number.isFinite(baseline) || baseline === 0) return NaN;
  return measured / baseline;
}

/** The median of paired ratios, with their spread: what a side measured ÷ what its baseline measured beside it. */
export interface PairedRatio {
  median: number;
  min: number;
  max: number;
  pairs: number;
}

export function pairedRatio(measured: readonly number[], baseline: readonly number[]): PairedRatio {
  const ratios = measured.map((m, i) => ratio(m, baseline[i] ?? NaN)).filter(Number.isFinite);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), pairs: ratios.length };
}

/** Bytes per second from a byte count and a duration in ms. */
export function throughput(bytes: number, ms: number): number {
  return ms > 0 ? (bytes * 1000) / ms : NaN;
}

export interface Interval {
  start: number;
  end: number;
}

/**
 * Time-weighted average of how many intervals are open over [from, to]: the integral of the
 * in-flight count divided by the window length (what "average in-flight" means, without sampling
 * error). Intervals are clipped to the window.
 */
export function averageOpen(intervals: readonly Interval[], from: number, to: number): number {
  if (!(to > from)) return NaN;
  let covered = 0;
  for (const { start, end } of intervals) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e > s) covered += e - s;
  }
  return covered / (to - from);
}

/** Highest number of intervals open at once (end is exclusive: a slot freed at t can be reused at t). */
export function peakOpen(intervals: readonly Interval[]): number {
  const events = intervals.flatMap((i) => [
    { t: i.start, d: 1 },
    { t: i.end, d: -1 },
  ]);
  events.sort((a, b) => a.t - b.t || a.d - b.d);
  let open = 0;
  let peak = 0;
  for (const e of events) {
    open += e.d;
    peak = Math.max(peak, open);
  }
  return peak;
}

export interface BacklogUtilisation {
  /** Time-weighted mean of the intervals open over the backlog period, ÷ cap (NaN without a period). */
  utilisation: number;
  /** The backlog period: the first start to the last start (after it nothing waits to be sent). */
  backlogMs: number;
  peak: number;
}

/**
 * How full a lane of `cap` slots was kept while work was waiting: the work items' in-flight
 * intervals averaged from the first start to the last start. After the last start the queue is
 * empty and in-flight drains below the cap whatever the scheduler does, so that tail is left out.
 */
export function backlogUtilisation(intervals: readonly Interval[], cap: number): BacklogUtilisation {
  if (intervals.length === 0) return { utilisation: NaN, backlogMs: 0, peak: 0 };
  const first = Math.min(...intervals.map((i) => i.start));
  const last = Math.max(...intervals.map((i) => i.start));
  return { utilisation: averageOpen(intervals, first, last) / cap, backlogMs: last - first, peak: peakOpen(intervals) };
}

/**
 * How long a freed slot of a lane of `cap` stayed empty: the i-th end (in time order) paired with the
 * (cap + i)-th start, the start that slot's reuse made possible. Only starts after the first `cap`
 * (which had free slots) are paired.
 */
export function handoffGaps(intervals: readonly Interval[], cap: number): number[] {
  const starts = intervals.map((i) => i.start).sort((a, b) => a - b);
  const ends = intervals.map((i) => i.end).sort((a, b) => a - b);
  return starts.slice(cap).map((start, i) => start - (ends[i] ?? NaN));
}
