// The worker process's code as one ES module, built with esbuild from scripts/worker.ts and everything
// of ours it imports (packages stay outside, loaded by Node from node_modules as usual).
//
// Why: a process that loads ~230 TypeScript files through tsx's loader hooks spends about a second of
// CPU before it does any work; the same code bundled starts on a little over half of that
// (bench/t1-worker-start.mjs, bench/results.md T1). `npm run worker` (scripts/run-worker.mjs) and the tests that start and kill worker processes
// (tests/support/worker-process.ts) both run this bundle, so the tests run what a deployment runs.
//
// The file is written under node_modules/.cache (so Node finds the packages from it) and named by a hash
// of its contents: processes building at the same time write the same bytes to the same name, each
// through a temporary file renamed into place, and a running worker's file is never rewritten. Bundles
// of older code are removed a day after they were last built (a worker started from one has long since
// loaded it).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

/**
 * The Node flags a bundle runs with: the resolution conditions tsx's run had (so `server-only` resolves
 * to its server build), and stack traces that point at the TypeScript sources. `npm run worker`
 * (package.json) passes the same two.
 */
export const WORKER_BUNDLE_NODE_FLAGS = ["--conditions=react-server", "--enable-source-maps"];

/** Where the bundles live, relative to the repository root. */
export const WORKER_BUNDLE_DIR = "node_modules/.cache/framehouse-worker";
const STALE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Builds scripts/worker.ts into WORKER_BUNDLE_DIR (or `outdir`: tests) and returns the bundle's absolute
 * path; `now` is the build's time for the clean-up of old bundles (tests). Run it with
 * `node ...WORKER_BUNDLE_NODE_FLAGS <path>`.
 */
export function buildWorkerBundle(root, { outdir = path.join(root, WORKER_BUNDLE_DIR), now = new Date() } = {}) {
  // Synchronous (esbuild runs once as a child process and exits): callers start the worker right after.
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: ["scripts/worker.ts"],
    entryNames: "worker-[hash]",
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    conditions: ["react-server"],
    tsconfig: path.join(root, "tsconfig.json"),
    sourcemap: "linked",
    write: false,
    logLevel: "silent",
  });
  let bundle = null;
  try {
    fs.mkdirSync(outdir, { recursive: true });
    for (const file of result.outputFiles) {
      if (!fs.existsSync(file.path)) {
        const tmp = `${file.path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
        fs.writeFileSync(tmp, file.contents);
        fs.renameSync(tmp, file.path);
      }
      if (file.path.endsWith(".mjs")) bundle = file.path;
    }
  } catch (err) {
    throw new Error(
      `cannot write the worker's bundle to ${outdir} (${err.code ?? err.message}): run it as the user that owns the checkout (the one that ran npm ci), or make that folder writable for this user`,
    );
  }
  for (const file of result.outputFiles) touch(file.path, now);
  if (!bundle) throw new Error(`esbuild wrote no module for scripts/worker.ts (${result.outputFiles.map((f) => f.path).join(", ")})`);
  removeStale(outdir, new Set(result.outputFiles.map((f) => f.path)), now.getTime());
  return bundle;
}

/** Marks a bundle as just built (for removeStale); a read-only copy built earlier is used as it is. */
function touch(file, now) {
  try {
    fs.utimesSync(file, now, now);
  } catch {
    // Not ours to change (built by the checkout's owner): nothing to mark.
  }
}

function removeStale(dir, keep, now) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (keep.has(file)) continue;
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // Removed by another process building at the same time.
    }
  }
}
