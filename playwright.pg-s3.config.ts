import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The studio e2e a second time, against PostgreSQL + S3: same specs and browser settings
// as playwright.config.ts, its own port, output and report. scripts/e2e-server.mjs creates a fresh
// database on the local PostgreSQL server (E2E_DATABASE_URL, else TEST_POSTGRES_URL) and drops it
// on exit, and starts s3rver for E2E_STORAGE=s3. The visual spec is left out: it only writes
// screenshots, which would overwrite the default run's.
const PORT = 3210;
// The specs' helpers (signed-in state, SMTP sink) follow E2E_PORT; workers inherit it from here.
process.env.E2E_PORT = String(PORT);
const baseURL = `http://127.0.0.1:${PORT}`;
const databaseUrl = process.env.E2E_DATABASE_URL || process.env.TEST_POSTGRES_URL || "";
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
  throw new Error("playwright.pg-s3.config.ts needs TEST_POSTGRES_URL (or E2E_DATABASE_URL) = postgresql://… of a local server");
}

export default defineConfig({
  ...base,
  testMatch: ["studio.spec.ts", "studio-form.spec.ts"],
  outputDir: "test-results/e2e-pg-s3",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-pg-s3-report.json" }]],
  use: { ...base.use, baseURL },
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_DATABASE_URL: databaseUrl, E2E_STORAGE: "s3" },
    // SIGTERM lets e2e-server stop the app, then s3rver, and drop the run's database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
