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
import fs from "node:fs";
import os from "node:os";
import { HEADLESS_SHELL_PATH } from "../scripts/lib/system-deps.mjs";
import { requireBuild, runSpecsCounted, type SpecRun as Run } from "./harness/playwright-cpu";
import { median, pairedRatio } from "./harness/stats";

const rounds = Number(process.argv[2] ?? 2);
const specs = process.argv.slice(3).length ? process.argv.slice(3) : ["tests/e2e/studio.spec.ts", "tests/e2e/accounts.spec.ts"];
const BROWSERS = { "chromium-headless-shell": HEADLESS_SHELL_PATH, "chromium --headless": "/usr/bin/chromium" };

for (const bin of Object.values(BROWSERS)) if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: apt-get install chromium chromium-headless-shell`);
requireBuild();

const run = (executable: string): Run => runSpecsCounted(specs, { CHROMIUM_PATH: executable }, executable);

const names = Object.keys(BROWSERS);
const runs: Record<string, Run[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? names : [...names].reverse()) {
    const r = run(BROWSERS[name as keyof typeof BROWSERS]);
    runs[name]!.push(r);
    console.log(`round ${round + 1} ${name}: ${r.tests} tests, wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s (load ${os.loadavg()[0]!.toFixed(2)})`);
  }
}
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
