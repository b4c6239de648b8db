// The simulator render caches the test suites keep across runs (README, Development), so a machine
// renders each test clip once. Each run sweeps from them the clips no run has asked for in a week (a
// renamed or deleted test's; a cache hit marks a clip used): vitest's global setup for the integration
// tests' folder, the e2e global setup for the browser tests' one.
import os from "node:os";
import path from "node:path";

/** The integration tests' shared cache (their simulators, tests/support/worker-harness.ts). */
export const INTEGRATION_RENDER_CACHE = path.join(os.tmpdir(), "framehouse-worker-test-renders");

/** The browser tests' cache (scripts/e2e-server.mjs gives it to the app); SIMULATOR_RENDER_CACHE_DIR overrides it. */
export function e2eRenderCache(env = process.env) {
  return env.SIMULATOR_RENDER_CACHE_DIR || path.join(os.tmpdir(), "framehouse-e2e-renders");
}

/** A clip no run has asked for in this long is swept. */
export const UNUSED_RENDER_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
