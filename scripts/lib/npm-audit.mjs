// `npm audit --omit=dev` as a check of `npm test` (scripts/test-all.mjs): only the dependencies that
// ship. Policy: a high or critical advisory fails the run; moderate and low ones are listed and pass
// (README, "Development"). A registry that cannot answer (offline, or a mirror without the audit
// endpoint) skips the check with one clear line instead of failing or passing silently.
import { spawnSync } from "node:child_process";

const FAILING = ["high", "critical"];

/**
 * The verdict for one run of `npm audit --json`: its stdout and exit status.
 * @returns {{ status: "passed" | "failed" | "skipped", line: string }}
 */
export function auditVerdict(stdout, exitStatus) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message || report?.error?.summary || report?.error?.code || (exitStatus === null ? "timed out" : "no report");
    return { status: "skipped", line: `npm audit: registry unreachable, skipped (${String(why).split("\n")[0]})` };
  }
  const summary = ["critical", "high", "moderate", "low"].map((level) => `${counts[level] ?? 0} ${level}`).join(", ");
  const failing = FAILING.reduce((n, level) => n + (counts[level] ?? 0), 0);
  if (failing === 0) return { status: "passed", line: `npm audit: ${summary} (production dependencies; high and critical fail the run)` };
  const names = Object.values(report.vulnerabilities ?? {})
    .filter((v) => FAILING.includes(v.severity))
    .map((v) => `${v.name} (${v.severity})`);
  return { status: "failed", line: `npm audit: ${summary}: ${names.join(", ")} — run \`npm audit --omit=dev\` for the fixes` };
}

export function npmAudit(cwd, env) {
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd, env, encoding: "utf8", timeout: 120_000 });
  return auditVerdict(r.stdout ?? "", r.status);
}
