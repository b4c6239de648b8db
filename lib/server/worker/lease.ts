import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Db, DbProvider } from "@/lib/server/db";
import type { Lease } from "@/lib/server/generations/fenced-update";
import { sqlClock } from "@/lib/server/generations/sql-clock";
import { logger } from "@/lib/server/logger";
import { withDbRetry } from "./db-retry";

// Lease upkeep for long steps (downloads, ffmpeg): renew at a third of the TTL (RELIABILITY F-13
// margin) without bumping the version, so renewals never fence out our own next write. A renewal
// that matches no row means another worker took over: the job is aborted through its signal.

export async function renewLease(db: Db, lease: Lease, leaseMs: number, provider: DbProvider): Promise<boolean> {
  const clock = sqlClock(provider);
  const n = await withDbRetry(() =>
    db.$executeRaw(Prisma.sql`
      UPDATE "Generation" SET "leaseUntil" = ${clock.plus(leaseMs)}
       WHERE "id" = ${lease.id} AND "leaseOwner" = ${lease.owner} AND "version" = ${lease.version}`),
  );
  return n === 1;
}

export interface Heartbeat {
  stop(): void;
}

export function startHeartbeat(opts: {
  db: Db;
  provider: DbProvider;
  leaseMs: number;
  current: () => Lease | null;
  onLost: () => void;
}): Heartbeat {
  let stopped = false;
  const beat = async () => {
    const lease = opts.current();
    if (!lease || stopped) return;
    try {
      const ok = await renewLease(opts.db, lease, opts.leaseMs, opts.provider);
      // A fenced write may have bumped the version while we renewed; only the same version counts.
      if (!ok && !stopped && opts.current()?.version === lease.version) opts.onLost();
    } catch (e) {
      logger.warn("worker.heartbeat_failed", { generationId: lease.id, error: e });
    }
  };
  const timer = setInterval(() => void beat(), Math.max(50, Math.floor(opts.leaseMs / 3)));
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Gives a row back untouched (graceful shutdown): fenced, so a lease we already lost is left alone. */
export async function releaseLease(db: Db, lease: Lease): Promise<boolean> {
  const { count } = await withDbRetry(() =>
    db.generation.updateMany({
      where: { id: lease.id, leaseOwner: lease.owner, version: lease.version },
      data: { leaseOwner: null, leaseUntil: null, version: { increment: 1 } },
    }),
  );
  return count === 1;
}
