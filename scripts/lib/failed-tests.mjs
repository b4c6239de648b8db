// Names of the tests that failed, read from the runners' JSON reports, so the end of `npm test`'s output
// (what a CI log shows first) says which tests failed and why in a line each, not only how many.

import path from "node:path";
import { stripVTControlCharacters } from "node:util";

const MAX_REASON = 200;

function firstLine(text) {
  const line = stripVTControlCharacters(String(text ?? ""))
    .split("\n")
    .map((l) => l.trim())
    .find(Boolean);
  return line ? line.slice(0, MAX_REASON) : "";
}

/** Vitest's JSON reporter: every failed test, and every file that failed without one (it did not load). */
export function vitestFailures(report, root) {
  const out = [];
  for (const file of report?.testResults ?? []) {
    const name = root && file.name ? path.relative(root, file.name) : (file.name ?? "?");
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) out.push({ name: `${name} > ${a.fullName ?? a.title}`, reason: firstLine(a.failureMessages?.[0]) });
    if (failed.length === 0 && file.status === "failed") out.push({ name, reason: firstLine(file.message) || "the file failed outside its tests" });
  }
  return out;
}

/**
 * The first line of a Playwright result's error. A test that ran out of time says only "Test timeout of
 * N ms exceeded." there; the step it was waiting on (page.waitForURL, a click) is a further error with a
 * location, named after it, so a CI log shows where the time went, not only that it did.
 */
function playwrightReason(result) {
  const reason = firstLine(result?.error?.message ?? result?.errors?.[0]?.message);
  const pending = result?.errors?.find((e) => e.location && firstLine(e.message) !== reason);
  if (!pending) return reason;
  const where = `${path.basename(pending.location.file)}:${pending.location.line}`;
  return `${reason} While waiting at ${where}: ${firstLine(pending.message)}`.slice(0, 2 * MAX_REASON);
}

/** Playwright's JSON reporter: every test whose outcome was unexpected (failed on every retry). */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected") continue;
        const last = test.results?.at(-1);
        out.push({ name: [`${spec.file ?? suite.file}:${spec.line ?? "?"}`, ...titles, spec.title].join(" > "), reason: playwrightReason(last) });
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.title && !child.title.endsWith(".ts") ? [...titles, child.title] : titles);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  // Errors outside any test: the web server did not start, global setup threw.
  for (const e of report?.errors ?? []) out.push({ name: "(outside the tests)", reason: firstLine(e.message) });
  return out;
}
