#!/usr/bin/env node
// `npm test`: every check and every test runner, then ONE closing line with the real totals:
//   N passed, N failed[, N skipped]
// Checks (typecheck, lint, knip, db:check, build) count as one test each; vitest and Playwright report
// their own counts through JSON reporters. Installs what a fresh machine lacks first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureNodeDeps } from "./lib/node-deps.mjs";
import { npmAudit } from "./lib/npm-audit.mjs";
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
// Dead code stays at zero: unused files, exports, types and dependencies fail the run (knip.json).
check("knip", bin("knip"), ["--no-progress"]);
check("db:check", process.execPath, ["scripts/db-check.mjs"]);

// Known advisories in the shipped dependencies (scripts/lib/npm-audit.mjs: high/critical fail).
{
  console.log("\n=== npm audit ===");
  const audit = npmAudit(root, env);
  console.log(audit.line);
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

function vitest(name, report, args) {
  fs.rmSync(report, { force: true });
  const ok = step(name, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...args]);
  const v = readJson(report);
  if (v) {
    totals.passed += v.numPassedTests;
    totals.failed += v.numFailedTests;
    totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
    if (v.numFailedTests > 0 || !ok) failures.push(name);
    if (!ok && v.numFailedTests === 0) totals.failed++; // e.g. a file that failed to load
  } else {
    totals.failed++;
    failures.push(`${name} (no report)`);
  }
}

function playwright(name, report, args) {
  fs.rmSync(report, { force: true });
  const ok = step(name, bin("playwright"), ["test", ...args]);
  const p = readJson(report);
  if (p?.stats) {
    totals.passed += p.stats.expected + p.stats.flaky;
    totals.failed += p.stats.unexpected;
    totals.skipped += p.stats.skipped;
    if (p.stats.unexpected > 0 || !ok) failures.push(name);
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
    playwright("playwright e2e", "test-results/e2e-report.json", []);
    // The studio specs again on PostgreSQL + S3 (s3rver) when a PostgreSQL server is available.
    if (process.env.TEST_POSTGRES_URL) {
      playwright("playwright e2e (PostgreSQL + S3)", "test-results/e2e-pg-s3-report.json", ["-c", "playwright.pg-s3.config.ts"]);
    } else {
      console.log("\n=== playwright e2e (PostgreSQL + S3): skipped, TEST_POSTGRES_URL not set ===");
    }
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
