// Small process helpers for the entry scripts (no dependencies: they run before npm ci).
import { spawn, spawnSync } from "node:child_process";

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function runOrExit(cmd, args, opts = {}) {
  const status = run(cmd, args, opts);
  if (status !== 0) process.exit(status);
}

export function has(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

/** Starts a long-running child that shares our stdio and forwards SIGINT/SIGTERM to it. */
export function supervise(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: "inherit", ...opts });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}
