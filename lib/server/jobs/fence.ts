import "server-only";
import type { JobStatus, Prisma } from "@/lib/generated/sqlite/client";
import type { Db } from "@/lib/server/db";
import { withDbRetry, writeTransaction } from "@/lib/server/db/retry";
import type { JobRow, Tx } from "./job-kind";
import { assertJobTransition } from "./job-lifecycle";

// Every write after a claim is fenced: it applies only while the job still has our lease owner AND
// the version we last wrote, and it bumps the version. A worker that stalled past its lease
// (SIGSTOP, a GC pause) and wakes up finds its writes refused instead of overwriting the newer
// owner's progress. The life-cycle table is checked before anything reaches the database.

export interface Lease {
  id: string;
  kind: string;
  /** The row the work is about (video: the take's Generation id). */
  subjectId: string;
  owner: string;
  version: number;
  status: JobStatus;
  step: string;
}

export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
  constructor(readonly lease: Lease) {
    super(`lease on job ${lease.id} (v${lease.version}) is no longer ours`);
  }
}

export interface JobChange {
  status: JobStatus;
  step?: string;
  inLane: boolean;
  /** Give the job back (lease cleared) so any worker may claim it when it is due. */
  release: boolean;
  runAt?: Date;
  failures?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  finishedAt?: Date;
  result?: Prisma.InputJsonValue;
}

async function update(client: Db | Tx, lease: Lease, change: JobChange): Promise<Lease> {
  assertJobTransition(lease.status, change.status);
  const { release, ...data } = change;
  const { count } = await client.job.updateMany({
    where: { id: lease.id, leaseOwner: lease.owner, version: lease.version, status: lease.status },
    data: { ...data, version: { increment: 1 }, ...(release ? { leaseOwner: null, leaseUntil: null } : {}) },
  });
  if (count !== 1) throw new LeaseLostError(lease);
  return { ...lease, status: change.status, step: change.step ?? lease.step, version: lease.version + 1 };
}

/**
 * A fenced job update plus its effects (the subject's row, ledger entries, dependants) in ONE
 * transaction. The job update runs FIRST: on SQLite the transaction takes the write lock with its
 * first statement (a deferred read-then-write transaction fails at once with SQLITE_BUSY when
 * another process writes), and a fenced-out worker never writes its effects.
 */
export async function fencedJobWrite(
  db: Db,
  lease: Lease,
  change: JobChange,
  effect?: (tx: Tx, job: JobRow) => Promise<void>,
): Promise<Lease> {
  if (!effect) return withDbRetry(() => update(db, lease, change));
  return writeTransaction(db, async (tx) => {
    const next = await update(tx, lease, change);
    await effect(tx, await tx.job.findUniqueOrThrow({ where: { id: lease.id } }));
    return next;
  });
}
