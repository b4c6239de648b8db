import "server-only";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { Db } from "../../db";
import { writeTransaction } from "../../db/retry";
import { isUniqueViolation } from "../../db/unique-violation";
import { AppError } from "../../errors";
import { nudgeWorkers } from "../../jobs/nudge";
import { ENDED_WITHOUT_RESULT } from "../../jobs/job-lifecycle";
import { type Access, assertMay, canAnnotate } from "../../permissions";
import { generationViewFor } from "../find-generation";
import { DERIVATIVES_JOB, enqueueDerivativesJob } from "./derivatives-job";

// POST /api/generations/:id/derivatives: make a STORED take's poster and preview again after their
// job failed (or for a take stored without them). Free and local (ffmpeg in the media lane), so it
// needs only the right to annotate the clip. The ended job is replaced by a new one in one
// transaction — the delete is conditional on the job having ended, so two clicks queue one job and
// a job that is still running is never touched. Nothing to do (pending or ready) → the view, unchanged.

export async function retryDerivatives(client: Db, access: Access, id: string): Promise<{ view: GenerationView; queued: boolean }> {
  const take = assertMay(
    access,
    await client.generation.findUnique({ where: { id }, select: { id: true, ownerId: true, teamId: true, deletedAt: true, status: true, assets: { select: { kind: true } } } }),
    canAnnotate,
  );
  if (take.status !== "STORED") throw new AppError("not_stored");
  const kinds = new Set(take.assets.map((a) => a.kind));
  const job = await client.job.findUnique({ where: { kind_subjectId: { kind: DERIVATIVES_JOB, subjectId: id } }, select: { id: true, status: true } });
  const missing = !kinds.has("POSTER") || !kinds.has("PREVIEW");
  const ended = job !== null && ENDED_WITHOUT_RESULT.includes(job.status);
  let queued = false;
  if (missing && (job === null || ended)) {
    try {
      queued = await writeTransaction(client, async (tx) => {
        if (job) {
          const { count } = await tx.job.deleteMany({ where: { id: job.id, status: { in: [...ENDED_WITHOUT_RESULT] } } });
          if (count !== 1) return false; // another request replaced it first
        }
        await enqueueDerivativesJob(tx, id);
        await tx.generation.update({ where: { id }, data: { updatedAt: new Date() } });
        return true;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // a concurrent request queued it first: same outcome
    }
    if (queued) nudgeWorkers();
  }
  return { view: await generationViewFor(client, access, id), queued };
}
