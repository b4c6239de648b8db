import { describe, expect, it } from "vitest";
import { playwrightFailures, vitestFailures } from "@/scripts/lib/failed-tests.mjs";

// Report fixtures trimmed from real JSON reports of vitest 4 and Playwright (a failing assertion, a file
// that failed to load, a retried e2e that failed twice, one that passed on retry).

describe("vitestFailures", () => {
  const report = {
    testResults: [
      {
        name: "/repo/tests/unit/a.test.ts",
        status: "failed",
        message: "",
        assertionResults: [
          { fullName: "group fails", status: "failed", failureMessages: ["AssertionError: expected 1 to be 2 // Object.is equality\n    at /repo/tests/unit/a.test.ts:2:40"] },
          { fullName: "group passes", status: "passed", failureMessages: [] },
        ],
      },
      { name: "/repo/tests/unit/b.test.ts", status: "failed", message: "Cannot find module './gone' imported from /repo/tests/unit/b.test.ts", assertionResults: [] },
      { name: "/repo/tests/unit/c.test.ts", status: "passed", message: "", assertionResults: [{ fullName: "ok", status: "passed", failureMessages: [] }] },
    ],
  };

  it("names each failed test with its file and the first line of its reason, and a file that did not load", () => {
    expect(vitestFailures(report, "/repo")).toEqual([
      { name: "tests/unit/a.test.ts > group fails", reason: "AssertionError: expected 1 to be 2 // Object.is equality" },
      { name: "tests/unit/b.test.ts", reason: "Cannot find module './gone' imported from /repo/tests/unit/b.test.ts" },
    ]);
  });

  it("says nothing for a green report or a missing one", () => {
    expect(vitestFailures({ testResults: [report.testResults[2]] }, "/repo")).toEqual([]);
    expect(vitestFailures(null)).toEqual([]);
  });

  it("strips colour codes and keeps a reason to one short line", () => {
    const long = { testResults: [{ name: "/x.test.ts", status: "failed", message: "", assertionResults: [{ fullName: "t", status: "failed", failureMessages: [`\x1b[31m${"y".repeat(500)}\x1b[39m\nmore`] }] }] };
    const [only] = vitestFailures(long);
    expect(only?.reason).toBe("y".repeat(200));
  });
});

describe("playwrightFailures", () => {
  const result = (status: string, message?: string) => ({ status, ...(message ? { error: { message }, errors: [{ message }] } : { errors: [] }) });
  const report = {
    errors: [],
    suites: [
      {
        title: "studio.spec.ts",
        file: "studio.spec.ts",
        specs: [{ title: "retried and passed", file: "studio.spec.ts", line: 10, tests: [{ status: "flaky", results: [result("failed", "first try"), result("passed")] }] }],
        suites: [
          {
            title: "studio: each mode",
            file: "studio.spec.ts",
            specs: [
              {
                title: "text to a stored clip",
                file: "studio.spec.ts",
                line: 42,
                tests: [{ status: "unexpected", results: [result("failed", "Error: expect(locator).toBeVisible() failed\nLocator: …"), result("timedOut", "Test timeout of 60000ms exceeded.")] }],
              },
            ],
          },
        ],
      },
    ],
  };

  it("names only the tests that failed on every try, with their describe titles and the last try's reason", () => {
    expect(playwrightFailures(report)).toEqual([{ name: "studio.spec.ts:42 > studio: each mode > text to a stored clip", reason: "Test timeout of 60000ms exceeded." }]);
  });

  it("names the step a timed-out test was waiting on, from the error Playwright adds with its location", () => {
    const timedOut = {
      status: "timedOut",
      error: { message: "\x1b[31mTest timeout of 60000ms exceeded.\x1b[39m" },
      errors: [
        { message: "\x1b[31mTest timeout of 60000ms exceeded.\x1b[39m" },
        {
          location: { file: "/repo/tests/e2e/teams.spec.ts", line: 102, column: 14 },
          message: 'Error: page.waitForURL: Test timeout of 60000ms exceeded.\n=========================== logs ===========================\nwaiting for navigation until "load"',
        },
      ],
    };
    const one = { suites: [{ title: "teams.spec.ts", file: "teams.spec.ts", specs: [{ title: "a viewer", file: "teams.spec.ts", line: 91, tests: [{ status: "unexpected", results: [timedOut] }] }] }] };
    expect(playwrightFailures(one)).toEqual([
      {
        name: "teams.spec.ts:91 > a viewer",
        reason: "Test timeout of 60000ms exceeded. While waiting at teams.spec.ts:102: Error: page.waitForURL: Test timeout of 60000ms exceeded.",
      },
    ]);
  });

  it("reports an error outside the tests (a web server that did not start)", () => {
    expect(playwrightFailures({ suites: [], errors: [{ message: "Error: Timed out waiting 180000ms from config.webServer." }] })).toEqual([
      { name: "(outside the tests)", reason: "Error: Timed out waiting 180000ms from config.webServer." },
    ]);
  });
});
