// Runs the production app (`npm start` = scripts/start.mjs → scripts/server.mjs) as a child
// process group on a free loopback port, for tests with several app instances on one database.
// Needs a `next build`. The group is stopped with SIGTERM (graceful), then SIGKILL as a backstop.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { childBaseEnv } from "./child-env";

const root = path.resolve(import.meta.dirname, "../..");

export function hasProductionBuild(): boolean {
  return fs.existsSync(path.join(root, ".next", "BUILD_ID"));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

export interface AppInstance {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export async function startApp(env: Record<string, string>, timeoutMs = 90_000): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...childBaseEnv(),
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    NEXTAUTH_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    WORKER_IN_APP: "false",
    LOG_LEVEL: "warn",
    ...env,
  };
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    detached: true, // its own process group, so start.mjs and server.mjs stop together
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv,
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  const signalGroup = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      // group already gone
    }
  };
  const app: AppInstance = {
    url,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return signalGroup("SIGKILL");
      signalGroup("SIGTERM");
      const killer = setTimeout(() => signalGroup("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killer);
      signalGroup("SIGKILL"); // anything the group left behind
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early (${child.exitCode}):\n${out}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return app;
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`app on ${url} not healthy within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
