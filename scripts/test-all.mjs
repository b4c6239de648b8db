#!/usr/bin/env node
// `npm test`: every check and every test runner, then ONE closing line with the real totals:
//   N passed, N failed[, N skipped]
// Checks (typecheck, lint, db:check, build) count as one test each; vitest and Playwright report
// their own counts through JSON reporters. Installs what a fresh machine lacks first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureNodeDeps } from "./lib/node-deps.mjs";
import { ensureSystemDeps } from "./lib/system-deps.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const skipE2E = process.argv.includes("--no-e2e");
ensureSystemDeps(skipE2E ? ["ffmpeg", "fonts", "dejavu"] : ["ffmpeg", "fonts", "dejavu", "chromium"]);
ensureNodeDeps(root);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const bin = (name) => path.join(root, "node_modules", ".bin", name);
fs.mkdirSync("test-results", { recursive: true });

function step(name, cmd, args) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env, cwd: root });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${name}: exit ${r.status} in ${seconds}s ===`);
  return r.status === 0;
}

function check(name, cmd, args) {
  const ok = step(name, cmd, args);
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

check("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
check("lint", bin("eslint"), ["--max-warnings", "0", "."]);
check("db:check", process.execPath, ["scripts/db-check.mjs"]);

const vitestReport = "test-results/vitest-report.json";
fs.rmSync(vitestReport, { force: true });
const vitestOk = step("vitest (unit + integration)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`]);
const v = readJson(vitestReport);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  if (v.numFailedTests > 0 || !vitestOk) failures.push("vitest");
  if (!vitestOk && v.numFailedTests === 0) totals.failed++; // e.g. a file that failed to load
} else {
  totals.failed++;
  failures.push("vitest (no report)");
}

if (!skipE2E) {
  if (check("next build", bin("next"), ["build"])) {
    const e2eReport = "test-results/e2e-report.json";
    fs.rmSync(e2eReport, { force: true });
    const e2eOk = step("playwright e2e", bin("playwright"), ["test"]);
    const p = readJson(e2eReport);
    if (p?.stats) {
      totals.passed += p.stats.expected + p.stats.flaky;
      totals.failed += p.stats.unexpected;
      totals.skipped += p.stats.skipped;
      if (p.stats.unexpected > 0 || !e2eOk) failures.push("playwright");
      if (!e2eOk && p.stats.unexpected === 0) totals.failed++;
    } else {
      totals.failed++;
      failures.push("playwright (no report)");
    }
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
