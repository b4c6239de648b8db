import "server-only";
import { charge, refund } from "@/lib/server/ledger/ledger";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import type { JobKind, RunnerEnd, Tx } from "@/lib/server/jobs/job-kind";
import { logger } from "@/lib/server/logger";
import { clipPrefix } from "@/lib/server/storage";
import { FAILURE_REASONS, type FailureReason, isFailureReason, statusOfFailure } from "@/lib/shared/generation-lifecycle";
import { downloadStep } from "./download-step";
import { heldStep } from "./held-step";
import { VIDEO_LANES, videoLane } from "./lanes";
import { pollStep } from "./poll-step";
import { submitStep } from "./submit-step";
import { writeTakeStatus } from "./take-status";

// The video job: one per take (subjectId = the Generation id). submit → poll → download, where
// submit and poll hold a slot of the model's lane (an upstream task in flight) and download does
// not; "held" (held-step.ts) parks a take whose create may have landed until an admin decides. The take's status mirrors the step (SUBMITTING / PROCESSING / DOWNLOADING); how it ends is a
// reason of the take's closed set, which also names its final status and whether to alert.

export const VIDEO_JOB = "video";
const FIRST_STEP = "submit";

function reasonOf(end: RunnerEnd): FailureReason {
  if (end.status === "CANCELLED") return "cancelled";
  return isFailureReason(end.code) ? end.code : "worker_error";
}

export const videoJob: JobKind = {
  name: VIDEO_JOB,
  lanes: VIDEO_LANES,
  steps: { submit: submitStep, poll: pollStep, download: downloadStep, held: heldStep },
  holdsLane: (step) => step === "submit" || step === "poll",
  ledger: {
    charge: async (tx, job) => void (await charge(tx, job.subjectId)),
    refund: async (tx, job, reason) => void (await refund(tx, job.subjectId, reason)),
  },
  async ended(tx, job, end) {
    const reason = reasonOf(end);
    await writeTakeStatus(tx, job.subjectId, statusOfFailure(reason), { errorCode: reason, errorMessage: end.message.slice(0, 500), finishedAt: new Date() });
    if (FAILURE_REASONS[reason].alert) {
      await tx.alert.create({ data: { kind: `generation.${reason}`, message: `${reason} ${job.subjectId}: ${end.message}`.slice(0, 500), generationId: job.subjectId } });
    }
  },
  async afterFail(deps, job) {
    // A take that will never be STORED keeps no objects (an interrupted earlier attempt may have put some).
    await deps.storage.deletePrefix(clipPrefix(job.subjectId)).catch((err: unknown) => logger.warn("video.cleanup_failed", { generationId: job.subjectId, error: err }));
  },
};

/** Queues the video job of a new take inside the transaction that creates it (and its hold). */
export async function enqueueVideoJob(tx: Tx, take: { id: string; model: string }, after?: readonly string[], runAt?: Date): Promise<string> {
  const job = await enqueueJob(tx, { kind: VIDEO_JOB, subjectId: take.id, lane: videoLane(take.model), step: FIRST_STEP, ...(after ? { after } : {}), ...(runAt ? { runAt } : {}) });
  return job.id;
}
