// The production build the bench serves (P1, P5, G1 first screen), made in a private snapshot of the
// work tree, never in ./.next: other engineers rebuild ./.next on this machine, and `next build`
// empties it first, so a server started on it could lose its chunks mid-run (one way the first-screen
// step used to fail). The snapshot is every tracked or untracked, non-ignored file as it is on disk,
// lib/generated (the Prisma clients) and node_modules as hard links (same filesystem, a second).
// It is cached under the OS temp dir, keyed by a hash of the content of those files (and
// package-lock.json), so an unchanged tree is built once; the run reports which it was.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CACHE = path.join(os.tmpdir(), "framehouse-bench-build");
/** Files that can't change the build or the served app (the bench and tests run from the work tree). */
const IRRELEVANT = /^(bench|tests|docs)\/|\.md$|^playwright[^/]*\.config\.ts$|^vitest\.config\.ts$/;

export interface BuiltApp {
  /** Root of the snapshot: run scripts/start.mjs from here. */
  dir: string;
  hash: string;
  cached: boolean;
  /** Wall time of the `next build` (0 when cached). */
  buildMs: number;
  /** What the snapshot holds, for the report. */
  source: string;
}

function sourceFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, maxBuffer: 64 * 2 ** 20 });
  const files = [...new Set(out.toString("utf8").split("\0").filter(Boolean))];
  // --cached also lists files deleted in the work tree: the snapshot is what is on disk.
  return files.filter((f) => !IRRELEVANT.test(f) && fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).isFile()).sort();
}

function treeHash(files: string[]): string {
  const h = createHash("sha256");
  for (const f of files) {
    h.update(f);
    h.update("\0");
    h.update(fs.readFileSync(path.join(ROOT, f)));
    h.update("\0");
  }
  h.update(process.version);
  return h.digest("hex").slice(0, 16);
}

function headInfo(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=normal"], { cwd: ROOT }).toString().trim().split("\n").filter(Boolean).length;
    return `HEAD ${head}${dirty ? ` + ${dirty} uncommitted path(s) in the work tree (other engineers' work in progress included)` : ", clean work tree"}`;
  } catch {
    return "work tree";
  }
}

/**
 * Removes cached builds other than `keep`, least recently used first, so at most `max` stay (each is
 * ~150 MB; node_modules is hard links), and snapshots left half-built by a killed run (> 1 h old).
 */
function prune(keep: string, max = 3): void {
  if (!fs.existsSync(CACHE)) return;
  for (const d of fs.readdirSync(CACHE).filter((x) => x.includes(".tmp-"))) {
    const p = path.join(CACHE, d);
    if (Date.now() - fs.statSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { recursive: true, force: true });
  }
  const dirs = fs
    .readdirSync(CACHE)
    .filter((d) => d !== keep && !d.includes(".tmp-"))
    .map((d) => ({ d, t: fs.statSync(path.join(CACHE, d)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { d } of dirs.slice(max - 1)) fs.rmSync(path.join(CACHE, d), { recursive: true, force: true });
}

/** A production build of the current work tree: cached by content hash, else built now (~20–60 s). */
export function ensureBuild(log: (s: string) => void = console.error): BuiltApp {
  const files = sourceFiles();
  const hash = treeHash([...files, "package-lock.json"].filter((f, i, a) => a.indexOf(f) === i));
  const dir = path.join(CACHE, hash);
  const source = headInfo();
  if (fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    fs.utimesSync(dir, new Date(), new Date());
    return { dir, hash, cached: true, buildMs: 0, source };
  }
  log(`  building the app in a private snapshot (${dir})…`);
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(tmp, f));
    }
    for (const f of ["package-lock.json"]) if (fs.existsSync(path.join(ROOT, f))) fs.copyFileSync(path.join(ROOT, f), path.join(tmp, f));
    fs.cpSync(path.join(ROOT, "lib", "generated"), path.join(tmp, "lib", "generated"), { recursive: true });
    // Hard links: a second for ~40,000 files, and later reinstalls in the work tree don't touch them.
    // realpath: in a git worktree node_modules may be a symlink to another tree's, and a copied symlink
    // points outside the snapshot, where the bundler does not resolve packages.
    execFileSync("cp", ["-al", fs.realpathSync(path.join(ROOT, "node_modules")), path.join(tmp, "node_modules")]);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [path.join(tmp, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: tmp,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 900_000, // a shared 2-core machine at load 30 took 450–550 s
      maxBuffer: 64 * 2 ** 20,
    });
    const buildMs = Date.now() - t0;
    if (r.status !== 0) throw new Error(`next build failed in the snapshot (exit ${r.status}):\n${`${r.stdout}\n${r.stderr}`.slice(-3000)}`);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // Another bench run built the same tree at the same time: use its build.
      if (!fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) throw e;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    prune(hash);
    return { dir, hash, cached: false, buildMs, source };
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
