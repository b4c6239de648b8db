// One `playwright test` of some e2e spec files on its own port and e2e server, with the CPU of
// everything it started (browser, app server, simulator, ffmpeg) counted by a control group the run is
// started in (cgroup v1 cpuacct or v2 cpu.stat; root). Reaped-children CPU would miss processes whose
// parent never waits for them (the browser's, when Playwright kills it). Needs a production build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const root = path.resolve(import.meta.dirname, "../..");

export type SpecRun = { wall: number; cpu: number; tests: number };

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

export function requireBuild(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
}

let runNo = 0;

/** Runs `specs` with `env` added; throws when a test failed. */
export function runSpecsCounted(specs: string[], env: Record<string, string>, label: string): SpecRun {
  const report = path.join(os.tmpdir(), `fh-bench-specs-${process.pid}.json`);
  const group = cpuGroup(`fh-bench-specs-${process.pid}-${++runNo}`);
  const t0 = performance.now();
  // The shell moves itself into the group, then becomes Playwright: every process it starts is counted.
  const r = spawnSync("sh", ["-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', group.dir, path.join(root, "node_modules/.bin/playwright"), "test", ...specs], {
    cwd: root,
    env: { ...process.env, E2E_PORT: "3300", E2E_REPORT: report, NEXT_TELEMETRY_DISABLED: "1", ...env },
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
  fs.rmSync(report, { force: true });
  if (r.status !== 0 || stats.unexpected > 0) throw new Error(`playwright failed (${label}):\n${(r.stdout + r.stderr).slice(-2000)}`);
  return { wall, cpu, tests: stats.expected };
}
