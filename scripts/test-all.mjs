#!/usr/bin/env node
// `npm test`: every check and every test runner, a table of each runner's wall time, then ONE
// closing line with the real totals (always the last line):
//   N passed, N failed, N skipped
// Checks (typecheck, lint, knip, db:check, build) count as one test each; vitest and Playwright report
// their own counts through JSON reporters. Installs what a fresh machine lacks first.
// --no-e2e: no build, no browser tests. --node-lts (CI): the unit and integration suites and the
// build again on the current Node LTS (scripts/lib/node-lts.mjs), prepared in the background meanwhile.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { runPlaywrightShards } from "./lib/e2e-shards.mjs";
import { playwrightFailures, vitestFailures } from "./lib/failed-tests.mjs";
import { ensureNodeDeps } from "./lib/node-deps.mjs";
import { nodeLtsEnv } from "./lib/node-lts.mjs";
import { npmAudit } from "./lib/npm-audit.mjs";
import { browserPackages, ensureSystemDeps } from "./lib/system-deps.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const started = Date.now();
const skipE2E = process.argv.includes("--no-e2e");
const withNodeLts = process.argv.includes("--node-lts");
ensureSystemDeps(["ffmpeg", "espeak", "fonts", "dejavu", "unzip", ...(skipE2E ? [] : browserPackages())]);
ensureNodeDeps(root);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Each failed test by name and first line of its reason (from the JSON reports), printed at the end. */
const failedTests = [];
/** One row per runner for the closing table: what ran, on which Node, how long, how it ended. */
const walls = [];
const bin = (name) => path.join(root, "node_modules", ".bin", name);
fs.mkdirSync("test-results", { recursive: true });
const NODE = `Node ${process.versions.node}`;

// The LTS runtime is downloaded and its better-sqlite3 compiled while the Node 20 pass runs: it is
// mostly waiting on the network and one compiler, and the checks below leave room for it.
const ltsFile = "test-results/node-lts.json";
const ltsLog = "test-results/node-lts-prepare.log";
let ltsPrep = null;
if (withNodeLts) {
  fs.rmSync(ltsFile, { force: true });
  const log = fs.openSync(ltsLog, "w");
  const child = spawn(process.execPath, ["scripts/node-lts.mjs", `--out=${ltsFile}`], { cwd: root, env, stdio: ["ignore", log, log] });
  // Its wall time is the one it reports itself ("seconds" in its output file): the steps below run
  // with spawnSync, which blocks this process's event loop, so its 'exit' event is only seen after them.
  ltsPrep = { child, started: Date.now(), exit: once(child, "exit") };
}

/** Runs one runner (`runtime`: which Node it ran on, for the table) and records its wall time. */
function step(name, cmd, args, { stepEnv = env, runtime = NODE } = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: stepEnv, cwd: root });
  const seconds = (Date.now() - t0) / 1000;
  console.log(`=== ${name}: exit ${r.status} in ${seconds.toFixed(1)}s ===`);
  walls.push({ name, runtime, seconds, ok: r.status === 0 });
  return r.status === 0;
}

/** A check counts as one test: passed, or failed and named among the failures. */
function countCheck(name, ok) {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
}

function check(name, cmd, args, opts) {
  const ok = step(name, cmd, args, opts);
  countCheck(name, ok);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Checks side by side, each with its output held and printed as one block when all have ended (in the
 * order given), then counted like `check` (countCheck). The type check and lint are each one thread of pure CPU: on
 * two cores they take about the longer of the two instead of their sum (bench/results.md, T1).
 */
async function checksSideBySide(list) {
  const t0 = Date.now();
  const runs = list.map(([name, cmd, args]) => {
    const start = Date.now();
    const child = spawn(cmd, args, { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => out.push(d));
    const ended = new Promise((resolve) => {
      child.once("error", (err) => resolve({ code: null, error: err }));
      child.once("close", (code) => resolve({ code }));
    }).then((r) => ({ ...r, seconds: (Date.now() - start) / 1000 }));
    return { name, out, ended };
  });
  let allOk = true;
  for (const run of runs) {
    const { code, error, seconds } = await run.ended;
    console.log(`\n=== ${run.name} (side by side with the other checks) ===`);
    process.stdout.write(Buffer.concat(run.out));
    if (error) console.log(error.message);
    console.log(`=== ${run.name}: exit ${code} in ${seconds.toFixed(1)}s ===`);
    const ok = code === 0;
    allOk &&= ok;
    walls.push({ name: run.name, runtime: NODE, seconds, ok, overlapped: true });
    countCheck(run.name, ok);
  }
  walls.push({ name: `${list.map(([name]) => name).join(" + ")} (side by side)`, runtime: NODE, seconds: (Date.now() - t0) / 1000, ok: allOk });
}

await checksSideBySide([
  ["typecheck", bin("tsc"), ["--noEmit", "-p", "."]],
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
  // Dead code stays at zero: unused files, exports, types and dependencies fail the run (knip.json).
  ["knip", bin("knip"), ["--no-progress"]],
  ["db:check", process.execPath, ["scripts/db-check.mjs"]],
]);

// Known advisories in the shipped dependencies (scripts/lib/npm-audit.mjs: high/critical fail).
{
  console.log("\n=== npm audit ===");
  const t0 = Date.now();
  const audit = npmAudit(root, env);
  console.log(audit.line);
  walls.push({ name: "npm audit", runtime: NODE, seconds: (Date.now() - t0) / 1000, ok: audit.status !== "failed" });
  if (audit.status === "passed") totals.passed++;
  else if (audit.status === "skipped") totals.skipped++;
  else {
    totals.failed++;
    failures.push("npm audit");
  }
}

// Integration files that start the production app (several instances on one database) need the
// build, so they run after `next build` in a second vitest pass.
const AFTER_BUILD = "tests/integration/multi-app-*.test.ts";
const AFTER_BUILD_FILTER = "tests/integration/multi-app-"; // vitest's positional filter is a substring

function vitestArgs(report, args, opts) {
  const [cmd, pre] = opts?.node ? [opts.node, [fs.realpathSync(bin("vitest"))]] : [bin("vitest"), []];
  return [cmd, [...pre, "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...args]];
}

function vitest(name, report, args, opts) {
  fs.rmSync(report, { force: true });
  const [cmd, full] = vitestArgs(report, args, opts);
  countVitest(name, report, step(name, cmd, full, opts));
}

function countVitest(name, report, ok) {
  const v = readJson(report);
  if (v) {
    totals.passed += v.numPassedTests;
    totals.failed += v.numFailedTests;
    totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
    if (v.numFailedTests > 0 || !ok) failures.push(name);
    for (const f of vitestFailures(v, root)) failedTests.push({ runner: name, ...f });
    if (!ok && v.numFailedTests === 0) totals.failed++; // e.g. a file that failed to load
  } else {
    totals.failed++;
    failures.push(`${name} (no report)`);
  }
}

function playwright(name, report, args) {
  fs.rmSync(report, { force: true });
  countPlaywright(name, report, step(name, bin("playwright"), ["test", ...args]));
}

/** The browser suite as E2E_SHARDS shards side by side (default 2), split by measured time (scripts/lib/e2e-shards.mjs). */
async function playwrightShards(name) {
  // Anything but a whole number of at least 1 means the default: a mistyped value must not run no shard at all.
  const asked = Number(process.env.E2E_SHARDS);
  const count = Number.isInteger(asked) && asked >= 1 ? asked : 2;
  const t0 = Date.now();
  console.log(`\n=== ${name} (${count} shards side by side) ===`);
  const runs = await runPlaywrightShards({ bin: bin("playwright"), root, env, count, basePort: 3200 });
  const seconds = (Date.now() - t0) / 1000;
  const ok = runs.every((r) => r.ok);
  console.log(`=== ${name}: ${runs.map((r) => `shard ${r.shard} ${r.ok ? "ok" : "FAILED"}`).join(", ")} in ${seconds.toFixed(1)}s ===`);
  walls.push({ name: `${name} (${count} shards)`, runtime: NODE, seconds, ok });
  for (const r of runs) countPlaywright(`${name} shard ${r.shard}`, r.report, r.ok);
}

function countPlaywright(name, report, ok) {
  const p = readJson(report);
  if (p?.stats) {
    totals.passed += p.stats.expected + p.stats.flaky;
    totals.failed += p.stats.unexpected;
    totals.skipped += p.stats.skipped;
    if (p.stats.unexpected > 0 || !ok) failures.push(name);
    for (const f of playwrightFailures(p)) failedTests.push({ runner: name, ...f });
    if (!ok && p.stats.unexpected === 0) totals.failed++;
  } else {
    totals.failed++;
    failures.push(`${name} (no report)`);
  }
}

vitest("vitest (unit + integration)", "test-results/vitest-report.json", ["--exclude", AFTER_BUILD]);

if (!skipE2E) {
  if (check("next build", bin("next"), ["build"])) {
    vitest("vitest (multi-instance, production build)", "test-results/vitest-after-build-report.json", [AFTER_BUILD_FILTER]);
    await playwrightShards("playwright e2e");
    // The studio specs again on PostgreSQL + S3 (s3rver) when a PostgreSQL server is available.
    if (process.env.TEST_POSTGRES_URL) {
      playwright("playwright e2e (PostgreSQL + S3)", "test-results/e2e-pg-s3-report.json", ["-c", "playwright.pg-s3.config.ts"]);
    } else {
      console.log("\n=== playwright e2e (PostgreSQL + S3): skipped, TEST_POSTGRES_URL not set ===");
    }
  }
}

const defaultPassSeconds = (Date.now() - started) / 1000;
// --node-lts (CI): the same unit and integration suites and the build again on the current Node LTS,
// after the Node 20 pass, not beside it: on two cores a second integration pass beside the browser tests
// doubled the load under which timing-sensitive suites run. The Node 20 pass's wall time is printed on
// its own (what `npm test` takes without the flag).
let lts = null;
if (withNodeLts) {
  const [code] = await ltsPrep.exit;
  const prepared = code === 0 ? JSON.parse(fs.readFileSync(ltsFile, "utf8")) : null;
  const prepSeconds = prepared?.seconds ?? (Date.now() - ltsPrep.started) / 1000;
  const runtime = prepared ? `Node ${prepared.version}` : "Node LTS";
  walls.push({ name: "prepare Node LTS (in the background)", runtime, seconds: prepSeconds, ok: code === 0, overlapped: true });
  console.log(`\n=== prepare Node LTS: exit ${code} after ${prepSeconds.toFixed(1)}s (log: ${ltsLog}) ===`);
  console.log(fs.readFileSync(ltsLog, "utf8").trim().split("\n").slice(-15).join("\n"));
  if (!prepared) {
    totals.failed++;
    failures.push("prepare Node LTS");
  } else {
    lts = { opts: { node: prepared.node, runtime, stepEnv: nodeLtsEnv(env, prepared) }, runtime };
  }
}

if (lts) {
  vitest(`vitest (unit + integration) on ${lts.runtime}`, "test-results/vitest-lts-report.json", ["--exclude", AFTER_BUILD], lts.opts);
  if (!skipE2E && check(`next build on ${lts.runtime}`, lts.opts.node, [fs.realpathSync(bin("next")), "build"], lts.opts)) {
    vitest(`vitest (multi-instance, production build) on ${lts.runtime}`, "test-results/vitest-lts-after-build-report.json", [AFTER_BUILD_FILTER], lts.opts);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
const ltsNote = lts ? `; the Node ${process.versions.node} pass alone ${defaultPassSeconds.toFixed(1)} s` : "";
console.log(`\nWall time per runner (npm test: ${((Date.now() - started) / 1000).toFixed(1)} s in all${ltsNote})`);
console.log(wallTable(walls));
if (failedTests.length) {
  const SHOWN = 40;
  console.log(`\nFailed tests (${failedTests.length}):`);
  for (const f of failedTests.slice(0, SHOWN)) console.log(`- [${f.runner}] ${f.name}${f.reason ? ` — ${f.reason}` : ""}`);
  if (failedTests.length > SHOWN) console.log(`- … and ${failedTests.length - SHOWN} more (test-results/*.json)`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

function wallTable(rows) {
  const cells = rows.map((r) => [r.name, r.runtime, `${r.seconds.toFixed(1)} s${r.overlapped ? " (overlapped)" : ""}`, r.ok ? "ok" : "FAILED"]);
  const head = ["runner", "runtime", "wall", "result"];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => (i === 2 ? v.padStart(width[i]) : v.padEnd(width[i]))).join(" | ")} |`;
  return [line(head), `|${width.map((w, i) => (i === 2 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...cells.map(line)].join("\n");
}
