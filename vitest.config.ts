import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_NODE_FLAGS } from "./tests/support/test-node-flags";

const root = import.meta.dirname;
const TEMP_DIR_CLEANUP = "tests/support/remove-temp-dirs.ts";
const alias = {
  "@": root,
  "server-only": path.join(root, "tests/support/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // The machines this runs on have 2 cores (README); the unit files are quick either way.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: [TEMP_DIR_CLEANUP], execArgv: [...TEST_NODE_FLAGS] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/sweep-render-cache.ts"],
          execArgv: [...TEST_NODE_FLAGS],
          environment: "node",
          setupFiles: [TEMP_DIR_CLEANUP],
          // A deadline for a hang, not a time budget: tests wait on conditions with their own explicit
          // deadlines (tests/support/wait-for.ts), and a loaded two-core machine must not fail them.
          testTimeout: 360_000,
          hookTimeout: 120_000,
          // Two files at a time (maxWorkers above). Nothing in a file is shared with another: each has
          // its own database (a copy of tests/support/test-db-template.ts), data folder, ports (0) and
          // simulator, and every wait is on a condition, so a file passes beside another as alone. Most
          // of a file's time is waiting on children, ffmpeg and the simulator, so two at a time on two
          // cores take far less than twice the wall (bench/results.md, T1). VITEST_SERIAL_FILES=1: one at
          // a time, for that comparison.
          fileParallelism: process.env.VITEST_SERIAL_FILES !== "1",
        },
      },
    ],
  },
});
