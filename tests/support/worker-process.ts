// Runs scripts/worker.ts as a child process against a test database, data dir and a standalone
// simulator (reached like the real BigModel: base URL + key), so tests can SIGKILL it for real. The
// child runs the worker's bundle, as `npm run worker` does (scripts/lib/worker-bundle.mjs), built once
// per test file; its pid is the worker's own, so a kill reaches the worker and nothing else.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { RunningSimulator } from "@/lib/simulator/server";
import { buildWorkerBundle, WORKER_BUNDLE_NODE_FLAGS } from "@/scripts/lib/worker-bundle.mjs";
import { childBaseEnv } from "./child-env";
import { TEST_NODE_FLAGS } from "./test-node-flags";

const root = path.resolve(import.meta.dirname, "../..");
let bundle: string | undefined;

export interface WorkerChild {
  child: ChildProcess;
  /** Resolves with the exit signal (e.g. "SIGKILL") or code. */
  exited: Promise<string>;
  output(): string;
}

export function spawnWorker(opts: {
  databaseUrl: string;
  dataDir: string;
  sim: RunningSimulator;
  timeScale: number;
  extraEnv?: Record<string, string>;
  /** Start it as `npm run worker` (the package script and its launcher) instead of the bundle itself; the child's pid is then npm's. */
  viaNpm?: boolean;
}): WorkerChild {
  const env: NodeJS.ProcessEnv = {
    ...childBaseEnv(),
    NODE_ENV: "test",
    DATABASE_URL: opts.databaseUrl,
    DATA_DIR: opts.dataDir,
    BIGMODEL_API_KEY: opts.sim.keys[0],
    BIGMODEL_BASE_URL: opts.sim.baseUrl,
    BIGMODEL_MEDIA_HOSTS: opts.sim.url,
    BIGMODEL_REQUEST_TIMEOUT_MS: "20000",
    WORKER_LEASE_MS: "3000",
    WORKER_TIME_SCALE: String(opts.timeScale),
    WORKER_IDLE_POLL_MS: "50",
    WORKER_CONCURRENCY: "4",
    LOG_LEVEL: "warn",
    ...opts.extraEnv,
  };
  const [cmd, args] = opts.viaNpm ? ["npm", ["run", "--silent", "worker"]] : [process.execPath, [...TEST_NODE_FLAGS, ...WORKER_BUNDLE_NODE_FLAGS, (bundle ??= buildWorkerBundle(root))]];
  const child = spawn(cmd, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? String(code))));
  return { child, exited, output: () => out };
}

export async function stopWorker(w: WorkerChild): Promise<string> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGTERM");
  return w.exited;
}
