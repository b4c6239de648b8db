import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { env } from "../env";
import { serializeSqliteAdapter } from "./sqlite-serialized-adapter";

// One schema, two generated clients; the provider is picked at runtime from DATABASE_URL
// (docs/architecture.md, "Layers"). Application code is typed against the SQLite client: the portable subset.
export type Db = InstanceType<typeof SqliteClient>;
export type DbProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/**
 * A transaction left open by a stalled process (SIGSTOP, a long GC pause, a dead network peer) would
 * keep its row and advisory locks — the per-model claim lock, a team's budget row — and block every
 * other worker and submit behind it. PostgreSQL ends such a session after this much idle time inside a
 * transaction; our transactions are a few statements long.
 */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 15_000;

// The provider of each client createDb made, for the few services that need provider-specific SQL (a
// lock) but are handed a client rather than a URL (tests pass their own). A property under a global
// symbol, not a module-level map: Next bundles this module once per route, and the process-wide
// client (db() below) is shared by all of them.
const PROVIDER = Symbol.for("framehouse.dbProvider");
type Tagged = Db & { [PROVIDER]?: DbProvider };

export function createDb(url: string, opts: { idleInTransactionTimeoutMs?: number } = {}): Db {
  let client: Db;
  if (providerOf(url) === "postgresql") {
    const idle = opts.idleInTransactionTimeoutMs ?? IDLE_IN_TRANSACTION_TIMEOUT_MS;
    const adapter = new PrismaPg({ connectionString: url, options: `-c idle_in_transaction_session_timeout=${idle}` });
    client = new PostgresClient({ adapter }) as unknown as Db;
  } else {
    // busy timeout: wait for another process's write lock (worker, CLI) instead of failing at once.
    // Serialized: a plain query of one async flow must not run inside another flow's open transaction
    // on the adapter's single connection (sqlite-serialized-adapter.ts).
    const adapter = serializeSqliteAdapter(new PrismaBetterSqlite3({ url, timeout: 5000 }));
    client = new SqliteClient({ adapter });
  }
  (client as Tagged)[PROVIDER] = providerOf(url);
  return client;
}

/** The provider behind a client made by createDb. */
export function providerOfDb(client: Db): DbProvider {
  const p = (client as Tagged)[PROVIDER];
  if (!p) throw new Error("providerOfDb: not a client made by createDb");
  return p;
}

const globalForDb = globalThis as unknown as { framehouseDb?: Db };

/** The process-wide client (cached on globalThis so dev hot reloads don't open new pools). */
export function db(): Db {
  globalForDb.framehouseDb ??= createDb(env().DATABASE_URL);
  return globalForDb.framehouseDb;
}

export function dbProvider(): DbProvider {
  return providerOf(env().DATABASE_URL);
}
