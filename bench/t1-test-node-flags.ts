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
import { alternatingRounds, sideBySideReport } from "./harness/side-by-side";

const root = path.resolve(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 2);
const given = process.argv.slice(3);
// Worker processes started and killed (crash, scale), route handlers on a database, and a file of both.
const files = given.length
  ? given
  : ["tests/integration/ai-call-crash.test.ts", "tests/integration/authz-matrix.test.ts", "tests/integration/held-worker.test.ts", "tests/integration/scale-workers.test.ts"];
type Side = "liftoff" | "default";

function run(side: Side, round: number): CountedRun {
  const env = { ...process.env, TEST_V8_DEFAULT_TIERING: side === "default" ? "1" : "0" };
  const r = runInCpuGroup(path.join(root, "node_modules/.bin/vitest"), ["run", ...files], { cwd: root, env });
  if (r.status !== 0) throw new Error(`vitest failed (${side}):\n${r.output.slice(-2000)}`);
  console.log(`round ${round + 1} ${side}: wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s (load ${os.loadavg()[0]!.toFixed(2)})`);
  return r;
}

const runs = alternatingRounds(rounds, ["default", "liftoff"], run);
console.log(`\n${files.join(" ")}: ${rounds} alternating rounds, TEST_POSTGRES_URL ${process.env.TEST_POSTGRES_URL ? "set" : "unset"}`);
console.log(
  sideBySideReport(
    "V8 tiering of the tests' processes",
    { label: "default (before)", name: "default", runs: runs.default },
    { label: "--liftoff-only (now)", name: "liftoff", runs: runs.liftoff },
  ),
);
