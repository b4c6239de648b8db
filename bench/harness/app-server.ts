// The real production server (scripts/start.mjs → scripts/server.mjs, the build in the bench's own
// snapshot, harness/build.ts) on a loopback port
// with a fresh data dir and SQLite database, the in-app worker off (so generation work doesn't skew
// request latency), plus signed-in users, and the standalone simulator as the "straight to the
// upstream" baseline. Both run as separate process groups (processes.ts stops them).
import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createDb, type Db } from "@/lib/server/db";
import { freePort, spawnManaged, waitForHttp, type Managed } from "./processes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = "bench-auth-secret-bench-auth-secret-0123456789";

export interface AppServer {
  origin: string;
  dataDir: string;
  db: Db;
  proc: Managed;
  /** Users created for the run and a session cookie for each. */
  users: { id: string; cookie: string }[];
  stop(): Promise<void>;
}

/** The server's environment: everything explicit, nothing inherited from the bench's test env. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base: Record<string, string> = {};
  for (const k of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const v = process.env[k];
    if (v) base[k] = v;
  }
  return { ...base, NODE_ENV: "production", AUTH_SECRET: SECRET, BIGMODEL_API_KEY: "", LOG_LEVEL: "warn", REGISTRATION: "open", TRUST_PROXY: "0", ...extra };
}

/** A user of the running app and a session cookie for it (NextAuth JWT signed with the server's secret). */
export async function benchUser(db: Db, label: string): Promise<{ id: string; cookie: string; token: string }> {
  const u = await db.user.create({ data: { email: `bench-${label}-${Date.now()}@example.test`, name: `Bench ${label}` } });
  const { id: sid } = await db.userSession.create({ data: { userId: u.id } });
  const token = await encode({ token: { sub: u.id, sid }, secret: SECRET });
  return { id: u.id, cookie: `next-auth.session-token=${token}`, token };
}

/** `appRoot`: the snapshot that holds the production build (harness/build.ts), not the work tree. */
export async function startAppServer(appRoot: string, dataDir: string, userCount: number, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  if (!fs.existsSync(path.join(appRoot, ".next", "BUILD_ID"))) throw new Error(`no production build in ${appRoot}`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const databaseUrl = `file:${path.join(dataDir, "framehouse.db")}`;
  const proc = spawnManaged("app-server", process.execPath, ["scripts/start.mjs"], {
    cwd: appRoot,
    env: serverEnv({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: databaseUrl, NEXTAUTH_URL: origin, WORKER_IN_APP: "false", ...extraEnv }),
  });
  let db: Db | undefined;
  try {
    await waitForHttp(`${origin}/api/health`, 120_000, proc);
    db = createDb(databaseUrl);
    const users: { id: string; cookie: string }[] = [];
    for (let i = 0; i < userCount; i++) {
      const { id, cookie } = await benchUser(db, String(i));
      users.push({ id, cookie });
    }
    const client = db;
    return {
      origin,
      dataDir,
      db: client,
      proc,
      users,
      async stop() {
        await proc.stop();
        await client.$disconnect();
      },
    };
  } catch (e) {
    await proc.stop();
    await db?.$disconnect();
    throw e;
  }
}

export interface StandaloneSimulator {
  baseUrl: string;
  key: string;
  stop(): Promise<void>;
}

/** `npm run simulator` as its own process: no cap in the way, fast renders (the P1 baseline). */
export async function startStandaloneSimulator(dataDir: string): Promise<StandaloneSimulator> {
  const port = await freePort();
  const proc = spawnManaged("simulator", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/simulator.ts"], {
    cwd: ROOT,
    env: serverEnv({ NODE_ENV: "production", DATA_DIR: dataDir, SIMULATOR_PORT: String(port), SIMULATOR_SPEED: "100000", SIMULATOR_CONCURRENCY: "1000" }),
  });
  try {
    const base = await proc.waitFor(/base URL : (\S+)/, 60_000);
    const key = await proc.waitFor(/demo key : (\S+)/, 5_000);
    return { baseUrl: base[1] ?? "", key: key[1] ?? "", stop: () => proc.stop() };
  } catch (e) {
    await proc.stop();
    throw e;
  }
}
