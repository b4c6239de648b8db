import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Db, DbProvider } from "@/lib/server/db";
import { withDbRetry } from "@/lib/server/db/retry";
import { parseDbTime, sqlClock } from "@/lib/server/db/sql-clock";
import type { Lease } from "./fence";
import { ACTIVE, READY, assertJobTransition, sqlStatusList } from "./job-lifecycle";

// Claiming from the Job table, which is the queue. A claim is ONE atomic leased update: it sets
// leaseOwner/leaseUntil (database clock, so workers on skewed machines agree) and bumps the version,
// and only succeeds on a job nobody holds. A QUEUED job is claimed only while its lane has a free
// slot (jobs with inLane), counted in the same statement on SQLite (the UPDATE holds the write lock
// from its first read) and under a per-lane advisory lock on PostgreSQL (READ COMMITTED would let two
// claimers both count 4 and both take the 5th slot).

export interface Claimed {
  lease: Lease;
  /** The database clock at the claim, so the job can schedule in database time despite local skew. */
  dbNow: Date;
}

interface Row {
  id: string;
  kind: string;
  subjectId: string;
  step: string;
  version: number | bigint;
  status: string;
  dbNow: unknown;
}

export interface ClaimOptions {
  owner: string;
  leaseMs: number;
  provider: DbProvider;
  /** Only jobs of these kinds: a runner never claims work it has no steps for. */
  kinds: readonly string[];
}

function toClaimed(rows: Row[], owner: string): Claimed | null {
  const r = rows[0];
  if (!r) return null;
  return {
    lease: { id: r.id, kind: r.kind, subjectId: r.subjectId, owner, step: r.step, version: Number(r.version), status: r.status as Lease["status"] },
    dbNow: parseDbTime(r.dbNow),
  };
}

const kindList = (kinds: readonly string[]) => Prisma.join(kinds.length ? kinds : ["-"]);
/** No live lease: never leased, released, or run out (a crashed runner's). anyClaimable and claimActive share it. */
const leaseFree = (clock: ReturnType<typeof sqlClock>) => Prisma.sql`("leaseUntil" IS NULL OR ${clock.due("leaseUntil")})`;

/**
 * Whether claimActive or claimQueued could take anything now: a due job of these kinds that is QUEUED,
 * or ACTIVE with its lease free or expired. A read, so an idle runner's poll takes no write lock (on
 * SQLite every UPDATE does, even one that matches nothing, and the app's submits wait for it) and no
 * per-lane transaction (PostgreSQL's advisory locks). It ignores lane caps and the breaker, which only
 * make the claims' sets smaller: false means both claims would have found nothing.
 */
export async function anyClaimable(db: Db, opts: Pick<ClaimOptions, "provider" | "kinds">): Promise<boolean> {
  const clock = sqlClock(opts.provider);
  const rows = await withDbRetry(() =>
    db.$queryRaw<unknown[]>(Prisma.sql`
      SELECT 1 AS "one" FROM "Job"
       WHERE "status" IN (${Prisma.raw(sqlStatusList([READY, ACTIVE]))}) AND "kind" IN (${kindList(opts.kinds)}) AND ${clock.due("runAt")}
         AND ("status" = ${Prisma.raw(sqlStatusList([READY]))} OR ${leaseFree(clock)})
       LIMIT 1`),
  );
  return rows.length > 0;
}

/** The most overdue ACTIVE job whose lease is free or expired: the next step of a job, or one a crash left behind. */
export async function claimActive(db: Db, opts: ClaimOptions): Promise<Claimed | null> {
  const clock = sqlClock(opts.provider);
  const free = leaseFree(clock);
  const active = Prisma.raw(`"status" = ${sqlStatusList([ACTIVE])}`);
  const lock = Prisma.raw(opts.provider === "postgresql" ? "FOR UPDATE SKIP LOCKED" : "");
  const rows = await withDbRetry(() =>
    db.$queryRaw<Row[]>(Prisma.sql`
      UPDATE "Job"
         SET "leaseOwner" = ${opts.owner}, "leaseUntil" = ${clock.plus(opts.leaseMs)},
             "version" = "version" + 1, "updatedAt" = ${clock.now}
       WHERE "id" = (SELECT "id" FROM "Job"
                      WHERE ${active} AND "kind" IN (${kindList(opts.kinds)}) AND ${clock.due("runAt")} AND ${free}
                      ORDER BY "runAt" ASC LIMIT 1 ${lock})
         AND ${active} AND ${free}
      RETURNING "id", "kind", "subjectId", "step", "version", "status", ${clock.now} AS "dbNow"`),
  );
  return toClaimed(rows, opts.owner);
}

/** QUEUED → ACTIVE for the oldest due job of `lane`, only while fewer than `cap` jobs hold a slot of it. */
export async function claimQueued(db: Db, lane: string, cap: number, opts: ClaimOptions): Promise<Claimed | null> {
  assertJobTransition(READY, ACTIVE); // the one status change this SQL makes
  const clock = sqlClock(opts.provider);
  const queued = Prisma.raw(`"status" = ${sqlStatusList([READY])}`);
  const statement = Prisma.sql`
      UPDATE "Job"
         SET "status" = ${Prisma.raw(sqlStatusList([ACTIVE]))}, "inLane" = true,
             "leaseOwner" = ${opts.owner}, "leaseUntil" = ${clock.plus(opts.leaseMs)},
             "version" = "version" + 1, "updatedAt" = ${clock.now}
       WHERE "id" = (SELECT "id" FROM "Job"
                      WHERE ${queued} AND "lane" = ${lane} AND "kind" IN (${kindList(opts.kinds)}) AND ${clock.due("runAt")}
                      ORDER BY "runAt" ASC, "createdAt" ASC LIMIT 1)
         AND ${queued}
         AND (SELECT COUNT(*) FROM "Job" WHERE "lane" = ${lane} AND "inLane" = true) < ${Math.floor(cap)}
      RETURNING "id", "kind", "subjectId", "step", "version", "status", ${clock.now} AS "dbNow"`;
  const rows = await withDbRetry(() =>
    opts.provider === "postgresql"
      ? db.$transaction(async (tx) => {
          // Serializes the claimers of one lane for the rest of this short transaction.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`framehouse.lane.${lane}`}))`;
          return tx.$queryRaw<Row[]>(statement);
        })
      : db.$queryRaw<Row[]>(statement),
  );
  return toClaimed(rows, opts.owner);
}
