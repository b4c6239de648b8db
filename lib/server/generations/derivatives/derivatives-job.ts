import "server-only";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import type { JobKind, Tx } from "@/lib/server/jobs/job-kind";
import { MEDIA_LANE } from "@/lib/server/jobs/media-lane";
import { logger } from "@/lib/server/logger";
import { clipKey } from "@/lib/server/storage";
import { DERIVED_FILES, posterStep, previewStep, touchTake } from "./derive-steps";

// The clip-derivatives job: the gallery's poster and hover preview of a STORED take, made after the
// take became playable so SUCCESS → playable waits for no ffmpeg encode (npm run bench, P3). One
// per take, queued in the transaction that stores the take. Steps `poster` (one ffmpeg process makes
// both files; both are stored) → `preview` (commits the stored preview), in the local media lane
// (never a Vidu lane: it costs nothing and reaches no upstream). The poster is committed with the
// advance to `preview`, so a crash during the preview never makes the poster again. A failure leaves
// the take STORED and playable: only this job fails.

export const DERIVATIVES_JOB = "clip-derivatives";
const FIRST_STEP = "poster";

export const derivativesJob: JobKind = {
  name: DERIVATIVES_JOB,
  lanes: [MEDIA_LANE],
  steps: { poster: posterStep, preview: previewStep },
  holdsLane: () => true,
  // Re-encoding a verified video fails only when ffmpeg cannot run: a few tries, then the poster waits for a retry.
  maxFailures: 5,
  async ended(tx, job) {
    // The take stays STORED; its updatedAt moves so the live stream tells the gallery the poster will not come.
    await touchTake(tx, job.subjectId);
  },
  async afterFail(deps, job) {
    // An interrupted attempt may have stored an object whose Asset row was never committed: keep none of those.
    const rows = await deps.db.asset.findMany({ where: { generationId: job.subjectId, kind: { in: ["POSTER", "PREVIEW"] } }, select: { storageKey: true } });
    const kept = new Set(rows.map((r) => r.storageKey));
    for (const file of DERIVED_FILES) {
      const key = clipKey(job.subjectId, file);
      if (!kept.has(key)) await deps.storage.delete(key).catch((err: unknown) => logger.warn("derivatives.cleanup_failed", { jobId: job.id, error: err }));
    }
  },
};

/** Queues the poster and preview of a take inside the transaction that stores it. */
export async function enqueueDerivativesJob(tx: Tx, takeId: string): Promise<string> {
  const job = await enqueueJob(tx, { kind: DERIVATIVES_JOB, subjectId: takeId, lane: MEDIA_LANE.name, step: FIRST_STEP });
  return job.id;
}
