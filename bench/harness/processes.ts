// Every server the bench needs runs as its own process group (detached), registered here, so one
// stop kills the group including grandchildren (scripts/start.mjs → scripts/server.mjs, nginx
// workers). stopAll() runs on success, on error, on SIGINT/SIGTERM and, as a last resort, on exit.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";

export interface Managed {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr), for error messages and parsing. */
  output(): string;
  /** Resolves with the first match of `re` in the output; rejects on exit or after timeoutMs. */
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

const running = new Map<number, Managed>();
/** Every process group this run has started (for the final leftovers check). */
export const startedGroups: number[] = [];
let handlersInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Synchronous last resort: whatever is still registered when the bench exits gets SIGKILL.
  process.on("exit", () => {
    for (const pid of running.keys()) killGroup(pid, "SIGKILL");
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: stopping ${running.size} bench process group(s)`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

export function spawnManaged(name: string, cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Managed {
  installHandlers();
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`${name}: spawn failed`);
  const pid = child.pid;
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000); // bounded: long runs log a lot
    for (const l of listeners) l();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const managed: Managed = {
    name,
    pid,
    child,
    output: () => out,
    waitFor(re, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(re);
          if (m) finish(() => resolve(m));
        };
        const onExit = () => finish(() => reject(new Error(`${name} exited (code ${child.exitCode}) before ${re}:\n${out.slice(-3000)}`)));
        const timer = setTimeout(() => finish(() => reject(new Error(`${name}: no ${re} within ${timeoutMs} ms:\n${out.slice(-3000)}`))), timeoutMs);
        const finish = (f: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", onExit);
          f();
        };
        listeners.add(check);
        child.once("exit", onExit);
        check();
      });
    },
    async stop() {
      if (!running.has(pid)) return;
      killGroup(pid, "SIGTERM");
      const grace = new Promise<void>((r) => setTimeout(r, 5_000).unref());
      await Promise.race([exited, grace]);
      // The leader may be gone while its children linger: kill the whole group either way.
      killGroup(pid, "SIGKILL");
      for (let i = 0; i < 50 && leftovers([pid]).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      running.delete(pid);
    },
  };
  running.set(pid, managed);
  startedGroups.push(pid);
  return managed;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running.values()].map((m) => m.stop()));
}

/**
 * Processes of the groups this run started that `ps` still lists, zombies excluded (an exited child
 * waiting to be reaped by init runs nothing; tsx's esbuild helper can end up like that).
 */
export function leftovers(pgids: readonly number[]): string[] {
  const ps = spawnSync("ps", ["-e", "-o", "pid=,pgid=,stat=,args="], { encoding: "utf8" });
  const mine = new Set(pgids.map(String));
  return (ps.stdout ?? "")
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter(([, pgid, stat]) => mine.has(pgid ?? "") && !(stat ?? "").startsWith("Z"))
    .map((cols) => `ps: ${cols.join(" ")}`);
}

/** A free loopback port (bound then released; fine for a single-user bench machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers (any status below 500) or the deadline passes. */
export async function waitForHttp(url: string, timeoutMs: number, proc?: Managed): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited (code ${proc.child.exitCode}):\n${proc.output().slice(-3000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms${proc ? `:\n${proc.output().slice(-3000)}` : ""}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
