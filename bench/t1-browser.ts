// T1 (test-suite wall time), one of its parts measured side by side: the same e2e spec files driven by
// Debian's chromium-headless-shell (what the suite uses, tests/support/browser-launch.ts) and by the full
// chromium binary in headless mode (what it used before). Each run is one `playwright test` of the given
// files on its own port with its own e2e server; its CPU is that of everything the run started (browser,
// app server, simulator, ffmpeg), counted by a control group the run is started in (cgroup v1 cpuacct
// or v2 cpu.stat; root). Reaped-children CPU would miss processes whose parent never waits for them
// (the browser's, when Playwright kills it). Rounds alternate the order of the two browsers (A B, B A,
// …) so a shared machine's load lands on both; each round's ratio is taken between its own two runs.
// Needs a production build (`npx next build`), both Debian packages and root.
//   node --import tsx bench/t1-browser.ts [rounds] [spec files…]   (default: 2 rounds of studio + accounts specs)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { HEADLESS_SHELL_PATH } from "../scripts/lib/system-deps.mjs";
import { median, pairedRatio } from "./harness/stats";

const root = path.resolve(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 2);
const specs = process.argv.slice(3).length ? process.argv.slice(3) : ["tests/e2e/studio.spec.ts", "tests/e2e/accounts.spec.ts"];
const BROWSERS = { "chromium-headless-shell": HEADLESS_SHELL_PATH, "chromium --headless": "/usr/bin/chromium" };

for (const bin of Object.values(BROWSERS)) if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: apt-get install chromium chromium-headless-shell`);
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");

/** A fresh control group that counts CPU: its folder and how to read its CPU seconds so far. */
function cpuGroup(name: string): { dir: string; seconds: () => number } {
  const v1 = "/sys/fs/cgroup/cpuacct";
  if (fs.existsSync(path.join(v1, "cpuacct.usage"))) {
    const dir = path.join(v1, name);
    fs.mkdirSync(dir);
    return { dir, seconds: () => Number(fs.readFileSync(path.join(dir, "cpuacct.usage"), "utf8")) / 1e9 };
  }
  const v2 = ["/sys/fs/cgroup/unified", "/sys/fs/cgroup"].find((d) => fs.existsSync(path.join(d, "cgroup.procs")) && fs.existsSync(path.join(d, "cpu.stat")));
  if (v2) {
    const dir = path.join(v2, name);
    fs.mkdirSync(dir);
    return { dir, seconds: () => Number(/usage_usec (\d+)/.exec(fs.readFileSync(path.join(dir, "cpu.stat"), "utf8"))?.[1]) / 1e6 };
  }
  throw new Error("no cgroup CPU accounting here (needs root and cgroup v1 cpuacct or v2)");
}

const report = path.join(os.tmpdir(), `fh-t1-browser-${process.pid}.json`);
let runNo = 0;
type Run = { wall: number; cpu: number; tests: number };
function run(executable: string): Run {
  const group = cpuGroup(`fh-t1-browser-${process.pid}-${++runNo}`);
  const t0 = performance.now();
  // The shell moves itself into the group, then becomes Playwright: every process it starts is counted.
  const r = spawnSync("sh", ["-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', group.dir, path.join(root, "node_modules/.bin/playwright"), "test", ...specs], {
    cwd: root,
    env: { ...process.env, CHROMIUM_PATH: executable, E2E_PORT: "3300", E2E_REPORT: report, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = group.seconds();
  try {
    fs.rmdirSync(group.dir); // refused while a stray process of the run is still in it; left for the OS then
  } catch {
    console.log(`note: ${group.dir} still has processes in it`);
  }
  const stats = JSON.parse(fs.readFileSync(report, "utf8")).stats;
  if (r.status !== 0 || stats.unexpected > 0) throw new Error(`playwright failed with ${executable}:\n${(r.stdout + r.stderr).slice(-2000)}`);
  return { wall, cpu, tests: stats.expected };
}

const names = Object.keys(BROWSERS);
const runs: Record<string, Run[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? names : [...names].reverse()) {
    const r = run(BROWSERS[name as keyof typeof BROWSERS]);
    runs[name]!.push(r);
    console.log(`round ${round + 1} ${name}: ${r.tests} tests, wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s (load ${os.loadavg()[0]!.toFixed(2)})`);
  }
}
fs.rmSync(report, { force: true });
const [shellName, fullName] = names as [string, string];
const [shell, full] = [runs[shellName]!, runs[fullName]!];
const wallOf = (rs: Run[]) => rs.map((r) => r.wall);
const cpuOf = (rs: Run[]) => rs.map((r) => r.cpu);
console.log(`\n${specs.join(" ")}: ${rounds} alternating rounds`);
console.log(`| browser | wall, median (per round) | CPU of the run's processes, median (per round) |\n|---|--:|--:|`);
for (const [name, rs] of [[shellName, shell], [fullName, full]] as const) {
  const per = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
  console.log(`| ${name} | ${median(wallOf(rs)).toFixed(1)} s (${per(wallOf(rs))}) | ${median(cpuOf(rs)).toFixed(1)} s (${per(cpuOf(rs))}) |`);
}
const show = (p: ReturnType<typeof pairedRatio>) => `${p.median.toFixed(2)}× (rounds ${p.min.toFixed(2)}×–${p.max.toFixed(2)}×)`;
console.log(`headless shell ÷ full binary, median of per-round ratios: wall ${show(pairedRatio(wallOf(shell), wallOf(full)))}, CPU ${show(pairedRatio(cpuOf(shell), cpuOf(full)))}`);
