import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import { dbProvider, type Db, type DbProvider } from "@/lib/server/db";
import { withDbRetry } from "@/lib/server/worker/db-retry";
import type { Lease } from "./fenced-update";
import { parseDbTime, sqlClock } from "./sql-clock";

// Claiming work from the Generation table, which is the queue (DESIGN.md). A claim is ONE atomic
// leased update: it sets leaseOwner/leaseUntil (DB clock) and bumps version, and only succeeds on a
// row nobody holds. QUEUED rows are claimed only while the model's in-flight count
// (SUBMITTING ∪ PROCESSING, across every process) is below the cap, checked in the same statement
// (SQLite: the UPDATE holds the write lock from its first read) or under a per-model advisory lock
// (PostgreSQL: READ COMMITTED would let two claimers both count 4 and both take the 5th slot).

export interface Claimed {
  lease: Lease;
  /** The DB clock at the claim, so the caller can schedule in DB time despite local clock skew. */
  dbNow: Date;
}

interface Row {
  id: string;
  version: number | bigint;
  status: string;
  dbNow: unknown;
}

function toClaimed(rows: Row[], owner: string): Claimed | null {
  const r = rows[0];
  if (!r) return null;
  return {
    lease: { id: r.id, owner, version: Number(r.version), status: r.status as Lease["status"] },
    dbNow: parseDbTime(r.dbNow),
  };
}

export interface ClaimOptions {
  owner: string;
  leaseMs: number;
  provider?: DbProvider;
}

// A Prisma client can't say which database it talks to; tests holding clients for several pass it.
function providerFor(opts: ClaimOptions): DbProvider {
  return opts.provider ?? dbProvider();
}

/**
 * Takes the most overdue SUBMITTING/PROCESSING/DOWNLOADING row whose lease is free or expired:
 * polls, downloads, and submits that a crashed or ambiguous attempt left behind.
 */
export async function claimActive(db: Db, opts: ClaimOptions): Promise<Claimed | null> {
  const provider = providerFor(opts);
  const clock = sqlClock(provider);
  const free = Prisma.sql`("leaseUntil" IS NULL OR ${clock.due("leaseUntil")})`;
  const active = Prisma.raw(`"status" IN ('SUBMITTING', 'PROCESSING', 'DOWNLOADING')`);
  const lock = Prisma.raw(provider === "postgresql" ? "FOR UPDATE SKIP LOCKED" : "");
  const rows = await withDbRetry(() =>
    db.$queryRaw<Row[]>(Prisma.sql`
      UPDATE "Generation"
         SET "leaseOwner" = ${opts.owner}, "leaseUntil" = ${clock.plus(opts.leaseMs)},
             "version" = "version" + 1, "updatedAt" = ${clock.now}
       WHERE "id" = (SELECT "id" FROM "Generation"
                      WHERE ${active} AND ${clock.due("nextRunAt")} AND ${free}
                      ORDER BY "nextRunAt" ASC LIMIT 1 ${lock})
         AND ${active} AND ${free}
      RETURNING "id", "version", "status", ${clock.now} AS "dbNow"`),
  );
  return toClaimed(rows, opts.owner);
}

/**
 * QUEUED → SUBMITTING for the oldest due row of `model`, only while fewer than `cap` rows of that
 * model are SUBMITTING or PROCESSING.
 */
export async function claimQueued(db: Db, model: string, cap: number, opts: ClaimOptions): Promise<Claimed | null> {
  const provider = providerFor(opts);
  const clock = sqlClock(provider);
  const statement = Prisma.sql`
      UPDATE "Generation"
         SET "status" = 'SUBMITTING', "leaseOwner" = ${opts.owner}, "leaseUntil" = ${clock.plus(opts.leaseMs)},
             "version" = "version" + 1, "updatedAt" = ${clock.now}
       WHERE "id" = (SELECT "id" FROM "Generation"
                      WHERE "status" = 'QUEUED' AND "model" = ${model} AND ${clock.due("nextRunAt")}
                      ORDER BY "nextRunAt" ASC, "createdAt" ASC LIMIT 1)
         AND "status" = 'QUEUED'
         AND (SELECT COUNT(*) FROM "Generation"
               WHERE "model" = ${model} AND "status" IN ('SUBMITTING', 'PROCESSING')) < ${Math.floor(cap)}
      RETURNING "id", "version", "status", ${clock.now} AS "dbNow"`;
  const rows = await withDbRetry(() =>
    provider === "postgresql"
      ? db.$transaction(async (tx) => {
          // Serializes claimers of one model for the rest of this short transaction.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`framehouse.claim.${model}`}))`;
          return tx.$queryRaw<Row[]>(statement);
        })
      : db.$queryRaw<Row[]>(statement),
  );
  return toClaimed(rows, opts.owner);
}
