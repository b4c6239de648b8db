import "server-only";
import type { Db, DbProvider } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import type { Storage } from "@/lib/server/storage/storage";
import { readBreakerView } from "@/lib/server/jobs/breaker";
import type { BreakerView } from "@/lib/shared/upstream-status-view";
import { probeDatabase, probeStorage, type QueueDepth, readDiskFree, readQueue, timed } from "./health-probes";

// GET /api/health: ok (200) when the database and storage answer, 503 otherwise. Every check runs
// in parallel under a short timeout so a hung dependency makes the answer "down", not slow.
// Optional parts (upstream, queue, disk) are null when they cannot be read; they never flip `ok`.

export interface HealthDeps {
  db: Db;
  provider: DbProvider;
  storage: Storage;
  upstreamMode: "simulator" | "bigmodel";
  /** DATA_DIR: free space is reported for it (local media, renders, SQLite). */
  dataDir: string;
  timeoutMs?: number;
}

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; ms: number; provider: DbProvider };
  storage: { ok: boolean; driver: Storage["driver"]; ms: number };
  upstream: { mode: HealthDeps["upstreamMode"]; breaker: BreakerView | null };
  queue: QueueDepth | null;
  disk: { freeBytes: number; path: string } | null;
}

export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const t = deps.timeoutMs ?? 2000;
  const [database, storage, breaker, queue, disk] = await Promise.all([
    timed(() => probeDatabase(deps.db), t),
    timed(() => probeStorage(deps.storage), t),
    timed(() => readBreakerView(deps.db), t),
    timed(() => readQueue(deps.db), t),
    timed(() => readDiskFree(deps.dataDir), t),
  ]);
  const failed = Object.entries({ database, storage, breaker, queue, disk }).filter(([, r]) => r.error !== undefined);
  if (failed.length > 0) {
    // The details stay in the server log (redacted by the logger); the public body carries booleans.
    logger.warn("health check degraded", Object.fromEntries(failed.map(([name, r]) => [name, String(r.error)])));
  }
  const dbOk = database.error === undefined;
  const storageOk = storage.error === undefined;
  return {
    ok: dbOk && storageOk,
    database: { ok: dbOk, ms: database.ms, provider: deps.provider },
    storage: { ok: storageOk, driver: deps.storage.driver, ms: storage.ms },
    upstream: { mode: deps.upstreamMode, breaker: breaker.value ?? null },
    queue: queue.value ?? null,
    disk: disk.value ?? null,
  };
}
