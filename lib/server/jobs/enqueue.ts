import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Tx } from "./job-kind";
import { BLOCKED, READY } from "./job-lifecycle";

// Adds a job inside the caller's transaction, so the work exists exactly when the thing it is about
// does (a take and its video job are committed together, with the take's ledger hold). One job per
// (kind, subject): the unique index makes a repeated enqueue a P2002 the caller can treat as
// "already there". With `after`, the job starts BLOCKED and the runner's settling pass (run on every
// wake-up, so right after the caller's nudge) queues it once those jobs are DONE — or fails it if one
// ended without a result. Write-only on purpose: no read before the insert, so on SQLite the
// caller's transaction never becomes a deferred read-then-write one.

export interface JobSpec {
  kind: string;
  subjectId: string;
  lane: string;
  /** The kind's first step. */
  step: string;
  payload?: Prisma.InputJsonValue;
  /** Ids of jobs that must be DONE before this one may start. */
  after?: readonly string[];
  /** When it is due (default now): claims take due jobs oldest first, so a slightly earlier time puts it ahead. */
  runAt?: Date;
}

export async function enqueueJob(tx: Tx, spec: JobSpec): Promise<{ id: string; status: "BLOCKED" | "QUEUED" }> {
  const after = [...new Set(spec.after ?? [])];
  const status = after.length > 0 ? BLOCKED : READY;
  const job = await tx.job.create({
    data: {
      kind: spec.kind,
      subjectId: spec.subjectId,
      lane: spec.lane,
      step: spec.step,
      status,
      ...(spec.runAt ? { runAt: spec.runAt } : {}),
      ...(spec.payload !== undefined ? { payload: spec.payload } : {}),
      // Only when there are any: an empty nested create still makes Prisma read the row back in a second query.
      ...(after.length > 0 ? { dependsOn: { create: after.map((dependsOnId) => ({ dependsOnId })) } } : {}),
    },
    select: { id: true },
  });
  return { id: job.id, status: status as "BLOCKED" | "QUEUED" };
}
