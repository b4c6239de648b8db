import "server-only";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Db } from "@/lib/server/db";
import { writeTransaction } from "@/lib/server/db/retry";
import { AppError } from "@/lib/server/errors";
import { nudgeWorkers } from "@/lib/server/jobs/nudge";
import type { HeldTakeView } from "@/lib/shared/held-take-view";
import type { HeldDecision } from "./video-job/held-step";
import { VIDEO_JOB } from "./video-job/kind";

// The admin's side of HELD takes (docs/reliability.md, "HELD"): list them, and hand one decision to
// its parked job. The decision is written into the job's payload and the job made due; the worker's
// held step carries it out with its fenced transitions (charge + poll, or refund), so the ledger is
// only ever moved by the job. The write applies only while the job is parked and unclaimed.


export async function listHeldTakes(db: Db): Promise<HeldTakeView[]> {
  const rows = await db.generation.findMany({
    where: { status: "HELD" },
    orderBy: { updatedAt: "asc" },
    take: 200,
    include: { owner: { select: { email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    model: r.model,
    prompt: r.prompt,
    ownerEmail: r.owner.email,
    upstreamRequestId: r.upstreamRequestId,
    upstreamTaskId: r.upstreamTaskId,
    why: r.errorMessage,
    heldSince: r.updatedAt.toISOString(),
    costFen: r.costFen,
  }));
}

export type HeldResolution = { action: "fail" } | { action: "resume"; taskId: string };

export async function resolveHeldTake(db: Db, actor: { id: string; ip?: string | null }, takeId: string, resolution: HeldResolution): Promise<void> {
  const decision: HeldDecision = { ...resolution, by: actor.id };
  const owner = await db.generation.findUnique({ where: { id: takeId }, select: { teamId: true } });
  if (!owner) throw new AppError("not_found");
  await writeTransaction(db, async (tx) => {
    // Write first: the audit row takes SQLite's write lock at once, so the checks below read the latest
    // state under it. Read first, a worker process committing between the read and the write made the
    // write fail as busy (Prisma: "Operation has timed out"). A refusal below rolls the row back.
    await recordAudit(tx, {
      teamId: owner.teamId,
      actorId: actor.id,
      action: "clip.held_resolve",
      targetType: "generation",
      targetId: takeId,
      data: { action: resolution.action, taskId: resolution.action === "resume" ? resolution.taskId : null },
      ip: actor.ip ?? null,
    });
    const take = await tx.generation.findUnique({ where: { id: takeId }, select: { status: true } });
    if (!take) throw new AppError("not_found");
    if (take.status !== "HELD") throw new AppError("conflict");
    // One decision per held take: until the worker carries it out the take is still HELD, so a second
    // decision (a double click, two admins) must see the first in the payload and be refused, not
    // overwrite it. The update is conditional on the version read here, so a decision written in
    // between makes this one miss.
    const job = await tx.job.findFirst({
      where: { kind: VIDEO_JOB, subjectId: takeId, status: "ACTIVE", step: "held", leaseOwner: null },
      select: { id: true, version: true, payload: true },
    });
    if (!job || (job.payload as { held?: unknown } | null)?.held !== undefined) throw new AppError("conflict");
    const { count } = await tx.job.updateMany({
      where: { id: job.id, version: job.version, leaseOwner: null },
      data: { payload: { held: decision }, runAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("conflict");
  });
  nudgeWorkers();
}
