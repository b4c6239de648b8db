import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Db, DbProvider } from "@/lib/server/db";
import { withDbRetry } from "@/lib/server/db/retry";
import { sqlClock } from "@/lib/server/db/sql-clock";
import { logger } from "@/lib/server/logger";
import type { Lease } from "./fence";

// Lease upkeep while a step runs long (a download, ffmpeg): renewed at a third of its length so a
// renewal may fail twice before the lease runs out, WITHOUT bumping the version, so a renewal never
// fences out our own next write. A renewal that matches no row means another worker took the job
// over: the step is aborted through its signal.

export async function renewLease(db: Db, lease: Lease, leaseMs: number, provider: DbProvider): Promise<boolean> {
  const clock = sqlClock(provider);
  const n = await withDbRetry(() =>
    db.$executeRaw(Prisma.sql`
      UPDATE "Job" SET "leaseUntil" = ${clock.plus(leaseMs)}
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
      logger.warn("jobs.heartbeat_failed", { jobId: lease.id, error: e });
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

/** Gives a job back untouched (shutdown, lost signal): fenced, so a lease we already lost is left alone. */
export async function releaseLease(db: Db, lease: Lease): Promise<boolean> {
  const { count } = await withDbRetry(() =>
    db.job.updateMany({
      where: { id: lease.id, leaseOwner: lease.owner, version: lease.version },
      data: { leaseOwner: null, leaseUntil: null, version: { increment: 1 } },
    }),
  );
  return count === 1;
}
