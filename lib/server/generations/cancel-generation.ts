import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { cancelJob } from "../jobs/cancel-job";
import { type Access, assertMay, canCancel } from "../permissions";
import { videoJob } from "./video-job/kind";

// POST /api/generations/:id/cancel. Only a take whose video job has not started can be cancelled:
// nothing was sent upstream, so nothing can have been charged. The runner's cancel is a conditional
// update on the job's waiting statuses — the guard its claim uses — so exactly one of {cancel, claim}
// wins a race; the loser sees 409 not_cancellable. The take becomes CANCELLED and its hold is
// refunded through the video job's own end hooks, in the same transaction, only by the winner.

export async function cancelGeneration(client: Db, access: Access, id: string): Promise<void> {
  assertMay(access, await client.generation.findUnique({ where: { id }, select: { id: true, ownerId: true, teamId: true, deletedAt: true } }), canCancel);
  if (!(await cancelJob(client, videoJob, { subjectId: id }))) throw new AppError("not_cancellable");
}
