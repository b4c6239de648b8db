import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { env } from "./env";

// One schema, two generated clients; the provider is picked at runtime from DATABASE_URL
// (stack-recipe §2.4). Application code is typed against the SQLite client: the portable subset.
export type Db = InstanceType<typeof SqliteClient>;
export type DbProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

export function createDb(url: string): Db {
  if (providerOf(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // busy timeout: wait for another process's write lock (worker, CLI) instead of failing at once.
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
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
