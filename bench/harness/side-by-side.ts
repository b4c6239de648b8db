// Two setups of one test run measured side by side (the T1 benches): rounds alternate which setup goes
// first, so a shared machine's load lands on both, and the result is the median of per-round ratios
// (stats.ts, pairedRatio) next to each side's medians, never one absolute time.
import { median, pairedRatio, type PairedRatio } from "./stats";

/** One counted run: its wall time and the CPU of every process it started, in seconds. */
export interface WallCpu {
  wall: number;
  cpu: number;
}

/**
 * `rounds` rounds of both sides, the order reversed every other round (`[a, b]`, then `[b, a]`);
 * `run` is called once per side and round, in that order, and its results are kept per side.
 */
export function alternatingRounds<S extends string, R>(rounds: number, sides: readonly [S, S], run: (side: S, round: number) => R): Record<S, R[]> {
  const runs = { [sides[0]]: [], [sides[1]]: [] } as unknown as Record<S, R[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    for (const side of order) runs[side].push(run(side, round));
  }
  return runs;
}

const per = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
const shown = (p: PairedRatio) => `${p.median.toFixed(2)}× (rounds ${p.min.toFixed(2)}×–${p.max.toFixed(2)}×)`;

/**
 * A markdown table (one row per side: wall and CPU medians with each round's figure) and the line
 * "<measured> ÷ <baseline>, median of per-round ratios: wall …×, CPU …×".
 */
export function sideBySideReport(
  column: string,
  baseline: { label: string; name: string; runs: readonly WallCpu[] },
  measured: { label: string; name: string; runs: readonly WallCpu[] },
): string {
  const row = (label: string, runs: readonly WallCpu[]) => {
    const w = runs.map((r) => r.wall);
    const c = runs.map((r) => r.cpu);
    return `| ${label} | ${median(w).toFixed(1)} s (${per(w)}) | ${median(c).toFixed(1)} s (${per(c)}) |`;
  };
  const of = (runs: readonly WallCpu[], k: keyof WallCpu) => runs.map((r) => r[k]);
  return [
    `| ${column} | wall, median (per round) | CPU of the run's processes, median (per round) |`,
    "|---|--:|--:|",
    row(baseline.label, baseline.runs),
    row(measured.label, measured.runs),
    `${measured.name} ÷ ${baseline.name}, median of per-round ratios: wall ${shown(pairedRatio(of(measured.runs, "wall"), of(baseline.runs, "wall")))}, CPU ${shown(pairedRatio(of(measured.runs, "cpu"), of(baseline.runs, "cpu")))}`,
  ].join("\n");
}
