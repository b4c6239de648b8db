import { describe, expect, it } from "vitest";
import { auditVerdict } from "@/scripts/lib/npm-audit.mjs";

// The npm audit check of `npm test`: high/critical fail, moderate/low pass with a count, and a registry
// that cannot answer is a clearly printed skip — never a silent pass or an unexplained failure.
const report = (counts: Record<string, number>, vulnerabilities: Record<string, { name: string; severity: string }> = {}) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } } });

describe("npm audit verdict", () => {
  it("passes with no or only moderate/low advisories", () => {
    expect(auditVerdict(report({}), 0)).toEqual({ status: "passed", line: expect.stringMatching(/^npm audit: 0 critical, 0 high, 0 moderate, 0 low/) });
    expect(auditVerdict(report({ moderate: 2, low: 1 }), 1).status).toBe("passed");
  });

  it("fails on high or critical, naming the packages", () => {
    const v = auditVerdict(report({ high: 1, low: 1 }, { next: { name: "next", severity: "high" }, ms: { name: "ms", severity: "low" } }), 1);
    expect(v.status).toBe("failed");
    expect(v.line).toContain("next (high)");
    expect(v.line).not.toContain("ms (low)");
    expect(auditVerdict(report({ critical: 1 }, { x: { name: "x", severity: "critical" } }), 1).status).toBe("failed");
  });

  it("skips with one clear line when the registry cannot answer", () => {
    const offline = JSON.stringify({ error: { code: "ENOTFOUND", summary: "request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND" } });
    expect(auditVerdict(offline, 1)).toEqual({ status: "skipped", line: expect.stringMatching(/^npm audit: registry unreachable, skipped \(request to .*ENOTFOUND\)$/) });
    const noEndpoint = JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405 });
    expect(auditVerdict(noEndpoint, 1).line).toMatch(/^npm audit: registry unreachable, skipped \(405 Method Not Allowed/);
    expect(auditVerdict("", null).line).toBe("npm audit: registry unreachable, skipped (timed out)");
  });
});
