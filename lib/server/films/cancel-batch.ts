import "server-only";
import type { CancelBatchResult } from "@/lib/shared/film/generate-missing-view";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { videoJob } from "../generations/video-job/kind";
import { cancelJob } from "../jobs/cancel-job";
import { type Access, assertMay, canCancel } from "../permissions";
import { existingBatch } from "./generate-missing";
import { loadFilm } from "./load-film";

// Cancelling a "generate missing shots" batch: every take of it that has not been sent upstream is
// cancelled through the runner's own cancel (cancelJob: a conditional update on BLOCKED/QUEUED, the
// claim's guard, so of {cancel, claim} exactly one wins), whose end hooks write the take's REFUND in
// the same transaction. Takes already started continue and settle as usual. Chained takes are
// cancelled before the takes they wait on, so they end CANCELLED rather than dependency_failed.
// Whoever may cancel each take (its creator, or a team admin: canCancel) may cancel the batch.

export async function cancelBatch(client: Db, access: Access, filmId: string, batchId: string, ip: string): Promise<CancelBatchResult> {
  const film = await loadFilm(client, access, filmId, "edit");
  const { takes, rows } = await existingBatch(client, film, batchId);
  if (takes.length === 0) throw new AppError("not_found");
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) if (r.deletedAt === null) assertMay(access, r, canCancel);
  const cancelled: string[] = [];
  const continuing: string[] = [];
  let refundedFen = 0;
  for (const t of [...takes].reverse()) {
    const row = byId.get(t.takeId)!;
    if (row.deletedAt === null && (await cancelJob(client, videoJob, { subjectId: t.takeId }))) {
      cancelled.push(t.takeId);
      refundedFen += row.costFen;
    } else {
      continuing.push(t.takeId);
    }
  }
  cancelled.reverse();
  continuing.reverse();
  if (cancelled.length > 0) {
    await recordAudit(client, { teamId: film.teamId, actorId: access.actor.id, action: "film.cancel_batch", targetType: "film", targetId: film.id, data: { batchId, cancelled: cancelled.length, refundedFen }, ip });
  }
  return { batchId, cancelled, continuing, refundedFen };
}
