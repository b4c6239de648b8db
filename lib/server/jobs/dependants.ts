import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Db, DbProvider } from "@/lib/server/db";
import { withDbRetry, writeTransaction } from "@/lib/server/db/retry";
import { sqlClock } from "@/lib/server/db/sql-clock";
import { logger } from "@/lib/server/logger";
import type { JobKind, JobRow, RunnerEnd, Tx } from "./job-kind";
import { BLOCKED, ENDED_WITHOUT_RESULT, READY, SUCCEEDED, assertJobTransition, sqlStatusList } from "./job-lifecycle";

// Jobs that wait for other jobs (a chained take waits for the last frame of the take before it).
// A BLOCKED job becomes QUEUED once every job it depends on is DONE; it ends FAILED with
// `dependency_failed` (its hold refunded, its subject told) as soon as one of them ended without a
// result. Both are conditional updates on status = BLOCKED, so among racing workers exactly one
// settles a job, and a crash in between leaves it BLOCKED for the next sweep.

const blocked = Prisma.raw(sqlStatusList([BLOCKED]));
const done = Prisma.raw(sqlStatusList([SUCCEEDED]));
const endedWithout = Prisma.raw(sqlStatusList(ENDED_WITHOUT_RESULT));

/**
 * BLOCKED → QUEUED for every job (of `after`'s dependants, or all) whose dependencies are all DONE.
 * It keeps its `runAt` (when it was enqueued, never later than now): claims take due jobs oldest
 * first, so a job that waited keeps its place in its lane instead of queueing behind work that arrived
 * while it waited (a chained take's last-frame job would otherwise wait behind every poster and
 * preview made since, on the chain's critical path — bench F2).
 */
export async function promoteReady(client: Db | Tx, provider: DbProvider, after?: string): Promise<number> {
  assertJobTransition(BLOCKED, READY);
  const clock = sqlClock(provider);
  const scope = after ? Prisma.sql`AND "id" IN (SELECT "jobId" FROM "JobDependency" WHERE "dependsOnId" = ${after})` : Prisma.empty;
  return client.$executeRaw(Prisma.sql`
    UPDATE "Job" SET "status" = ${Prisma.raw(sqlStatusList([READY]))}, "updatedAt" = ${clock.now},
                     "version" = "version" + 1
     WHERE "status" = ${blocked} ${scope}
       AND NOT EXISTS (SELECT 1 FROM "JobDependency" d JOIN "Job" p ON p."id" = d."dependsOnId"
                        WHERE d."jobId" = "Job"."id" AND p."status" <> ${done})`);
}

/** The ledger and subject effects of an end the runner decides; the caller has already written the job's status. */
export async function endEffects(tx: Tx, kind: JobKind, job: JobRow, end: RunnerEnd): Promise<void> {
  await kind.ledger?.refund(tx, job, end.code);
  await kind.ended(tx, job, end);
}

/** Fails, one by one, BLOCKED jobs of a known kind whose dependency ended without a result. Returns how many. */
async function failDoomed(db: Db, kinds: ReadonlyMap<string, JobKind>, limit = 50): Promise<number> {
  const doomed = await db.$queryRaw<{ id: string; kind: string }[]>(Prisma.sql`
    SELECT j."id", j."kind" FROM "Job" j
     WHERE j."status" = ${blocked}
       AND EXISTS (SELECT 1 FROM "JobDependency" d JOIN "Job" p ON p."id" = d."dependsOnId"
                    WHERE d."jobId" = j."id" AND p."status" IN (${endedWithout}))
     LIMIT ${limit}`);
  let failed = 0;
  for (const { id, kind: kindName } of doomed) {
    const kind = kinds.get(kindName);
    if (!kind) continue; // another process's runner knows this kind
    const end: RunnerEnd = { status: "FAILED", code: "dependency_failed", message: "a job it depends on ended without a result" };
    const won = await writeTransaction(db, async (tx) => {
      assertJobTransition(BLOCKED, "FAILED");
      const { count } = await tx.job.updateMany({
        where: { id, status: BLOCKED },
        data: { status: "FAILED", errorCode: end.code, errorMessage: end.message, finishedAt: new Date(), version: { increment: 1 } },
      });
      if (count !== 1) return false;
      await endEffects(tx, kind, await tx.job.findUniqueOrThrow({ where: { id } }), end);
      return true;
    });
    if (won) {
      failed++;
      logger.info("jobs.dependency_failed", { jobId: id, kind: kindName });
    }
  }
  return failed;
}

/**
 * One settling pass: promote what is ready, fail what can never run (repeated so chains settle in one
 * pass). Starts with a read: with nothing BLOCKED (the usual case) it writes nothing, so the runner's
 * frequent wake-ups never take SQLite's write lock for it.
 */
export async function settleDependants(db: Db, provider: DbProvider, kinds: ReadonlyMap<string, JobKind>): Promise<void> {
  if (!(await db.job.findFirst({ where: { status: BLOCKED }, select: { id: true } }))) return;
  await withDbRetry(() => promoteReady(db, provider));
  for (let round = 0; round < 10 && (await failDoomed(db, kinds)) > 0; round++);
}
