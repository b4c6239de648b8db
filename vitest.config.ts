import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const TEMP_DIR_CLEANUP = "tests/support/remove-temp-dirs.ts";
const alias = {
  "@": root,
  "server-only": path.join(root, "tests/support/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: [TEMP_DIR_CLEANUP] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: [TEMP_DIR_CLEANUP],
          // A deadline for a hang, not a time budget: tests wait on conditions with their own explicit
          // deadlines (tests/support/wait-for.ts), and a loaded two-core machine must not fail them.
          testTimeout: 360_000,
          hookTimeout: 120_000,
          // Files share the machine's 2 cores, ffmpeg and ports: run them one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
