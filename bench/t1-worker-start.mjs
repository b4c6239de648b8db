#!/usr/bin/env node
// T1 (test-suite wall time), one of its parts measured side by side: what a worker process pays to
// start, loading scripts/worker.ts through tsx (as `npm run worker` and the crash suites' children did)
// against its esbuild bundle (scripts/lib/worker-bundle.mjs, what they run now). Each start goes as far
// as the worker's first database probe, on a database path that cannot be opened, so every module is
// loaded and the process exits 1 at once. Rounds alternate the two sides so a shared machine's load
// lands on both.   node bench/t1-worker-start.mjs [rounds]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildWorkerBundle, WORKER_BUNDLE_NODE_FLAGS } from "../scripts/lib/worker-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 8);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-t1-worker-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// The child's own CPU (user + system), printed as it exits.
const CPU_PROBE = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nCPU_MS "+((u.user+u.system)/1000)+"\\n")})`;
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: "test",
  DATABASE_URL: `file:${path.join(dir, "missing", "nothing.db")}`,
  DATA_DIR: path.join(dir, "data"),
  BIGMODEL_API_KEY: "bench.key",
  BIGMODEL_BASE_URL: "http://127.0.0.1:9/api/paas/v4",
  LOG_LEVEL: "warn",
};

function start(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`--import=${CPU_PROBE}`, ...args], { cwd: root, env, encoding: "utf8" });
  const wallMs = performance.now() - t0;
  const cpu = /CPU_MS ([\d.]+)/.exec(r.stderr);
  if (r.status !== 1 || !/worker failed to start/.test(r.stderr) || !cpu) throw new Error(`unexpected start (exit ${r.status}): ${r.stderr.slice(-400)}`);
  return { wallMs, cpuMs: Number(cpu[1]) };
}

const b0 = performance.now();
const bundle = buildWorkerBundle(root);
const buildMs = performance.now() - b0;
const sides = {
  tsx: () => start(["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"]),
  bundle: () => start([...WORKER_BUNDLE_NODE_FLAGS, bundle]),
};
const results = { tsx: [], bundle: [] };
for (const name of Object.keys(sides)) sides[name](); // warm-up (tsx's transform cache, the page cache)
for (let i = 0; i < rounds; i++) {
  const order = i % 2 === 0 ? ["tsx", "bundle"] : ["bundle", "tsx"];
  for (const name of order) results[name].push(sides[name]());
}
fs.rmSync(dir, { recursive: true, force: true });
const row = (name) => {
  const wall = median(results[name].map((r) => r.wallMs));
  const cpu = median(results[name].map((r) => r.cpuMs));
  return { wall, cpu, line: `| ${name} | ${wall.toFixed(0)} ms | ${cpu.toFixed(0)} ms |` };
};
const [t, b] = [row("tsx"), row("bundle")];
console.log(`Worker start-up to its first database probe, median of ${rounds} alternating rounds (load ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")}); bundle built in ${buildMs.toFixed(0)} ms:\n`);
console.log("| start | wall | CPU |\n|---|--:|--:|");
console.log(t.line);
console.log(b.line);
console.log(`| bundle ÷ tsx | ${(b.wall / t.wall).toFixed(2)}× | ${(b.cpu / t.cpu).toFixed(2)}× |`);
