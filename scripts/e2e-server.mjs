#!/usr/bin/env node
// Serves the production build for the e2e suite on a fresh, throw-away data directory.
import fs from "node:fs";
import path from "node:path";
import { supervise } from "./lib/run.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = process.argv[2] ?? "3200";
const dataDir = path.join(root, "data", `e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
supervise(process.execPath, [path.join(root, "scripts/start.mjs")], {
  cwd: root,
  env: {
    ...process.env,
    PORT: port,
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${path.join(dataDir, "framehouse.db")}`,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    NEXT_TELEMETRY_DISABLED: "1",
    SIMULATOR_SPEED: process.env.SIMULATOR_SPEED || "200",
  },
});
