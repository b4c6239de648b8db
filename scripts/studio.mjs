#!/usr/bin/env node
// `npm run studio`: the one command a newcomer runs. Installs what is missing (Debian ffmpeg and
// fonts for the simulator's renderer, npm packages), builds when the sources changed, then starts
// the studio (migrations applied at start) on http://localhost:3000. Uses only Node built-ins
// until `npm ci` has run.
import fs from "node:fs";
import path from "node:path";
import { ensureNodeDeps } from "./lib/node-deps.mjs";
import { runOrExit, supervise } from "./lib/run.mjs";
import { ensureSystemDeps } from "./lib/system-deps.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
ensureSystemDeps(["ffmpeg", "espeak", "fonts", "dejavu"]);
ensureNodeDeps(root);

const SOURCES = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs"];
function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}
const buildId = path.join(root, ".next", "BUILD_ID");
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (built < Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))))) {
  console.log("Building the studio (next build)...");
  runOrExit(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}
supervise(process.execPath, [path.join(root, "scripts/start.mjs")], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
