import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Tx } from "@/lib/server/jobs/job-kind";
import { GENERATION_STATUSES, type GenerationStatus, IllegalTransitionError, canTransition } from "@/lib/shared/generation-lifecycle";

// The one way the video job writes a take's status: a conditional update that only applies from a
// status the life-cycle table allows to reach `to`. The job's fence already makes the worker the
// take's only writer; this keeps the take's own history legal even if a bug tried otherwise.

export type TakeData = Omit<Prisma.GenerationUpdateManyMutationInput, "status">;

function predecessorsOf(to: GenerationStatus): GenerationStatus[] {
  return GENERATION_STATUSES.filter((from) => canTransition(from, to));
}

export async function writeTakeStatus(tx: Tx, id: string, to: GenerationStatus, data: TakeData = {}): Promise<void> {
  const from = predecessorsOf(to);
  const { count } = await tx.generation.updateMany({ where: { id, status: { in: from } }, data: { ...data, status: to } });
  if (count !== 1) {
    const row = await tx.generation.findUnique({ where: { id }, select: { status: true } });
    throw new IllegalTransitionError(row?.status ?? "QUEUED", to);
  }
}
