// The browser suite as shards side by side. Each shard is its own `playwright test <its spec files>` with its
// own E2E_PORT, so its own e2e server, fresh database, signed-in owner, output folder and JSON report
// (playwright.config.ts): shards never see each other's data, and a spec that passes alone passes in
// any shard. Most of a browser test's time is waiting on the app, the simulator and ffmpeg, so two
// shards on two cores take far less than twice one's share. Every line a shard prints is prefixed.
//
// Spec files are split by measured time, not by count: Playwright's own `--shard` splits by test count
// and file order, and one shard then ran 688 s while the other was done at 478 s. The times are the
// seconds each spec file took in full runs (tests/e2e/shard-weights.json, rewritten from runs' reports by
// `node scripts/e2e-shard-weights.mjs`, the mean where a file is in several); a spec file without one
// counts as the median.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

const SPEC_DIR = "tests/e2e";
export const WEIGHTS_FILE = "tests/e2e/shard-weights.json";

/** Shard i's (0-based) JSON report of a run of `count` shards; the one place that names them. */
function shardReport(i, count) {
  return `test-results/e2e-report-${i + 1}-of-${count}.json`;
}

/** The shard reports in test-results/ (file names), whatever their run's count. */
export function shardReports(root) {
  const dir = path.join(root, "test-results");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /^e2e-report-\d+-of-\d+\.json$/.test(f));
}

/** The port of shard i (0-based): 20 apart, clear of the PostgreSQL + S3 run's 3210 and the SMTP sinks at +1000. */
function shardPort(basePort, i) {
  return basePort + 20 * i;
}

/**
 * Splits `files` into `count` shards of about equal total weight: heaviest file first, each onto the
 * lightest shard so far (ties by name, so the plan is the same on every machine). Files keep their
 * name order inside a shard. Returns [{ files, seconds }], never an empty shard while files remain.
 */
export function planShards(files, weights, count) {
  const measured = (w) => Number.isFinite(w) && w > 0;
  const known = files.map((f) => weights[f]).filter(measured).sort((a, b) => a - b);
  const fallback = known.length ? known[Math.floor(known.length / 2)] : 1;
  const weightOf = (f) => (measured(weights[f]) ? weights[f] : fallback);
  const shards = Array.from({ length: Math.min(count, files.length) }, () => ({ files: [], seconds: 0 }));
  const heaviestFirst = [...files].sort((a, b) => weightOf(b) - weightOf(a) || a.localeCompare(b));
  for (const file of heaviestFirst) {
    const lightest = shards.reduce((min, s) => (s.seconds < min.seconds ? s : min));
    lightest.files.push(file);
    lightest.seconds += weightOf(file);
  }
  for (const s of shards) s.files.sort();
  return shards;
}

/** The spec files of the default run (playwright.config.ts: every *.spec.ts under tests/e2e). */
function specFiles(root) {
  return fs
    .readdirSync(path.join(root, SPEC_DIR))
    .filter((f) => f.endsWith(".spec.ts"))
    .sort();
}

function readWeights(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, WEIGHTS_FILE), "utf8"));
  } catch {
    return {};
  }
}

/**
 * Seconds per spec file from Playwright JSON reports (every result of every test, retries included). A
 * file found in several reports (several runs: each file is in one shard's report per run) gets the
 * mean of its runs, which evens out how loaded the machine was in each.
 */
export function measuredWeights(reports) {
  const runs = {};
  for (const report of reports) {
    const seconds = {};
    const walk = (suite, file) => {
      const here = suite.file ?? file;
      for (const spec of suite.specs ?? []) {
        const name = path.basename(spec.file ?? here);
        for (const test of spec.tests ?? []) for (const r of test.results ?? []) seconds[name] = (seconds[name] ?? 0) + r.duration / 1000;
      }
      for (const child of suite.suites ?? []) walk(child, here);
    };
    for (const suite of report?.suites ?? []) walk(suite, suite.file);
    for (const [name, s] of Object.entries(seconds)) (runs[name] ??= []).push(s);
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return Object.fromEntries(
    Object.entries(runs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, xs]) => [name, Math.round(mean(xs) * 10) / 10]),
  );
}

/**
 * Runs the planned shards at once, after removing every earlier shard report (scripts/e2e-shard-weights.mjs
 * reads all it finds); resolves when all have ended with one { shard, port, report, ok, files } each.
 */
export function runPlaywrightShards({ bin, root, env, count, basePort }) {
  for (const f of shardReports(root)) fs.rmSync(path.join(root, "test-results", f));
  const plan = planShards(specFiles(root), readWeights(root), count);
  return Promise.all(
    plan.map(({ files, seconds }, i) => {
      const port = shardPort(basePort, i);
      const file = shardReport(i, plan.length);
      const shard = `${i + 1}/${plan.length}`;
      console.log(`[e2e ${shard}] port ${port}, ${files.length} spec files, about ${Math.round(seconds)} s by the measured times: ${files.join(" ")}`);
      // Playwright reads each argument as a pattern over the file's path: escaped and anchored, it names one file.
      const child = spawn(bin, ["test", ...files.map((f) => `${SPEC_DIR}/${f}`.replaceAll(".", "\\.") + "$")], {
        cwd: root,
        env: { ...env, E2E_PORT: String(port), E2E_REPORT: file },
        stdio: ["ignore", "pipe", "pipe"],
      });
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on("line", (line) => console.log(`[e2e ${shard}] ${line}`));
      }
      return new Promise((resolve) => {
        child.on("error", (err) => console.log(`[e2e ${shard}] could not start: ${err.message}`));
        child.on("close", (code) => resolve({ shard, port, report: file, ok: code === 0, files }));
      });
    }),
  );
}
