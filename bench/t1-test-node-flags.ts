// T1 (test-suite wall time), one of its parts measured side by side: integration test files run with the
// tests' V8 flags (tests/support/test-node-flags.ts: --liftoff-only, WebAssembly kept on V8's baseline
// compiler) and with V8's default tiering (TEST_V8_DEFAULT_TIERING=1), the way every run was before.
// Each run is one `vitest run` of the files with the CPU of everything it started counted (vitest's
// forks, the worker processes, ffmpeg, the simulators; bench/harness/cpu-group.ts). Rounds alternate the
// order so a shared machine's load lands on both. Needs root (a CPU control group); PostgreSQL files run
// on it too when TEST_POSTGRES_URL is set, as in `npm test`.
//   node --import tsx bench/t1-test-node-flags.ts [rounds] [test files…]
import os from "node:os";
import path from "node:path";
import { runInCpuGroup, type CountedRun } from "./harness/cpu-group";
import { median, pairedRatio } from "./harness/stats";

const root = path.resolve(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 2);
const given = process.argv.slice(3);
// Worker processes started and killed (crash, scale), route handlers on a database, and a file of both.
const files = given.length
  ? given
  : ["tests/integration/ai-call-crash.test.ts", "tests/integration/authz-matrix.test.ts", "tests/integration/held-worker.test.ts", "tests/integration/scale-workers.test.ts"];
type Side = "liftoff" | "default";
const runs: Record<Side, CountedRun[]> = { liftoff: [], default: [] };

function run(side: Side): CountedRun {
  const env = { ...process.env, TEST_V8_DEFAULT_TIERING: side === "default" ? "1" : "0" };
  const r = runInCpuGroup(path.join(root, "node_modules/.bin/vitest"), ["run", ...files], { cwd: root, env });
  if (r.status !== 0) throw new Error(`vitest failed (${side}):\n${r.output.slice(-2000)}`);
  return r;
}

for (let round = 0; round < rounds; round++) {
  for (const side of round % 2 === 0 ? (["default", "liftoff"] as const) : (["liftoff", "default"] as const)) {
    const r = run(side);
    runs[side].push(r);
    console.log(`round ${round + 1} ${side}: wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s (load ${os.loadavg()[0]!.toFixed(2)})`);
  }
}
const per = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
console.log(`\n${files.join(" ")}: ${rounds} alternating rounds, TEST_POSTGRES_URL ${process.env.TEST_POSTGRES_URL ? "set" : "unset"}`);
console.log(`| V8 tiering of the tests' processes | wall, median (per round) | CPU of the run's processes, median (per round) |\n|---|--:|--:|`);
for (const side of ["default", "liftoff"] as const) {
  const w = runs[side].map((r) => r.wall);
  const c = runs[side].map((r) => r.cpu);
  console.log(`| ${side === "default" ? "default (before)" : "--liftoff-only (now)"} | ${median(w).toFixed(1)} s (${per(w)}) | ${median(c).toFixed(1)} s (${per(c)}) |`);
}
const show = (p: ReturnType<typeof pairedRatio>) => `${p.median.toFixed(2)}× (rounds ${p.min.toFixed(2)}×–${p.max.toFixed(2)}×)`;
const of = (side: Side, k: "wall" | "cpu") => runs[side].map((r) => r[k]);
console.log(`liftoff ÷ default, median of per-round ratios: wall ${show(pairedRatio(of("liftoff", "wall"), of("default", "wall")))}, CPU ${show(pairedRatio(of("liftoff", "cpu"), of("default", "cpu")))}`);
