import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Db, DbProvider } from "@/lib/server/db";
import { withDbRetry } from "@/lib/server/db/retry";
import { sqlClock } from "@/lib/server/db/sql-clock";
import { logger } from "@/lib/server/logger";
import { ACTIVE, sqlStatusList } from "./job-lifecycle";
import { isGoneLocalOwner, localPidSpace } from "./lease-owner";

// A runner that starts after a crash on the same machine (kill -9, OOM, a restarted container sharing
// the pid namespace) need not wait out the dead runner's leases (a minute by default): the dead runner's
// jobs get their lease end set to now, and the next claim takes them like any expired lease, with the
// version bump that fences out the old owner. Only the lease end changes; the job's status, step and
// version are untouched, so this is exactly an early expiry, and everything a lease expiry guarantees
// (resumed steps, no second create for a request_id) holds unchanged (docs/reliability.md,
// "A dead runner's leases").

/** Expires the leases held by runners of this pid space that no longer exist; returns how many jobs. */
export async function expireGoneOwnersLeases(db: Db, provider: DbProvider, self: string): Promise<number> {
  const space = localPidSpace();
  if (!space) return 0;
  const rows = await withDbRetry(() =>
    db.job.findMany({
      where: { status: ACTIVE, leaseOwner: { endsWith: `:${space}`, not: self } },
      distinct: ["leaseOwner"],
      select: { leaseOwner: true },
    }),
  );
  const gone = rows.map((r) => r.leaseOwner).filter((o): o is string => o !== null && isGoneLocalOwner(o));
  if (gone.length === 0) return 0;
  const clock = sqlClock(provider);
  const active = Prisma.raw(`"status" = ${sqlStatusList([ACTIVE])}`);
  const n = await withDbRetry(() =>
    db.$executeRaw(Prisma.sql`
      UPDATE "Job" SET "leaseUntil" = ${clock.now}
       WHERE ${active} AND "leaseOwner" IN (${Prisma.join(gone)}) AND "leaseUntil" IS NOT NULL AND NOT (${clock.due("leaseUntil")})`),
  );
  if (n > 0) logger.warn("jobs.gone_owner_leases_expired", { owners: gone, jobs: n });
  return n;
}
