import "server-only";
import type { Db } from "@/lib/server/db";
import { writeTransaction } from "@/lib/server/db/retry";
import { endEffects } from "./dependants";
import type { JobKind, Tx } from "./job-kind";
import { CANCELLABLE, assertJobTransition } from "./job-lifecycle";

// Cancelling work that has not started (BLOCKED or QUEUED). The status change is a conditional
// update on exactly those statuses — the same guard the claim uses — so of {cancel, claim} exactly
// one wins; the kind's refund and `ended` run only for the winner, in the same transaction. Jobs
// that wait for this one are failed by the runner's next settling pass.

/** True when this call cancelled the job; false when it had already started or ended. */
export async function cancelJob(db: Db, kind: JobKind, where: { id: string } | { subjectId: string }, reason = "cancelled"): Promise<boolean> {
  const filter = "id" in where ? { id: where.id } : { kind: kind.name, subjectId: where.subjectId };
  return writeTransaction(db, async (tx: Tx) => {
    for (const from of CANCELLABLE) assertJobTransition(from, "CANCELLED");
    // The update comes first: it takes SQLite's write lock at once (a read first would make this a
    // deferred transaction that fails with SQLITE_BUSY while another process writes).
    const { count } = await tx.job.updateMany({
      where: { ...filter, status: { in: [...CANCELLABLE] } },
      data: { status: "CANCELLED", inLane: false, leaseOwner: null, leaseUntil: null, errorCode: reason, finishedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) return false;
    const row = await tx.job.findFirstOrThrow({ where: filter });
    await endEffects(tx, kind, row, { status: "CANCELLED", code: reason, message: "cancelled before it started" });
    return true;
  });
}
