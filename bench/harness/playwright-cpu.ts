// One `playwright test` of some e2e spec files on its own port and e2e server, with the CPU of
// everything it started (browser, app server, simulator, ffmpeg) counted by a control group
// (bench/harness/cpu-group.ts). Needs a production build.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runInCpuGroup } from "./cpu-group";

const root = path.resolve(import.meta.dirname, "../..");

export type SpecRun = { wall: number; cpu: number; tests: number };

export function requireBuild(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
}

/** Runs `specs` with `env` added; throws when a test failed. */
export function runSpecsCounted(specs: string[], env: Record<string, string>, label: string): SpecRun {
  const report = path.join(os.tmpdir(), `fh-bench-specs-${process.pid}.json`);
  // Every process Playwright starts is counted (bench/harness/cpu-group.ts).
  const r = runInCpuGroup(path.join(root, "node_modules/.bin/playwright"), ["test", ...specs], {
    cwd: root,
    env: { ...process.env, E2E_PORT: "3300", E2E_REPORT: report, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const stats = JSON.parse(fs.readFileSync(report, "utf8")).stats;
  fs.rmSync(report, { force: true });
  if (r.status !== 0 || stats.unexpected > 0) throw new Error(`playwright failed (${label}):\n${r.output.slice(-2000)}`);
  return { wall: r.wall, cpu: r.cpu, tests: stats.expected };
}
