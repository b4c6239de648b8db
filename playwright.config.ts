import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./tests/support/browser-launch";

// e2e: Debian's Chromium headless shell (tests/support/browser-launch.ts; never `playwright install`)
// against the production build served by scripts/e2e-server.mjs (fresh database per run). One worker per server: the specs share the
// server's owner account. `npm test` runs shards side by side instead (scripts/lib/e2e-shards.mjs),
// each with its own E2E_PORT (default 3200), server, database, output folder and report (E2E_REPORT),
// so a shard never sees another's data. No retries: a test
// that passes only on its second try is a bug to find, and a retry would count it as passed.
const PORT = Number(process.env.E2E_PORT || 3200);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/e2e/${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT || "test-results/e2e-report.json" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL,
    // A trace records a screencast and DOM snapshots of every action of every test, and it cost a fifth of
    // the browser suite's wall (bench/results.md, T1). CI keeps no files, only the log (the failing
    // step, the screenshot's path, error-context.md): trace a failing spec locally with E2E_TRACE=1.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    // Every navigation wait (goto, waitForURL, reload) has its own deadline, well inside the test's:
    // a page that never arrives fails at the step that waited for it, naming the address it wanted.
    navigationTimeout: 30_000,
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
