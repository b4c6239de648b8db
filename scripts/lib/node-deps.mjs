// Installs npm packages (npm ci) when node_modules is missing or older than package-lock.json.
import fs from "node:fs";
import path from "node:path";
import { runOrExit } from "./run.mjs";

export function ensureNodeDeps(root) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
  if (stale) {
    console.log("Installing npm packages (npm ci)...");
    runOrExit("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root });
  } else if (!fs.existsSync(path.join(root, "lib", "generated", "sqlite", "client.ts"))) {
    runOrExit(process.execPath, ["scripts/prisma.mjs", "generate"], { cwd: root });
  }
}
