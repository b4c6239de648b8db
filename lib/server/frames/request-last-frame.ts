import "server-only";
import { translate } from "@/lib/i18n/translate";
import { isFrameFailure, type LastFrameView } from "@/lib/shared/frame-view";
import { isIn, ENDED_WITHOUT_VIDEO } from "@/lib/shared/generation-lifecycle";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { VIDEO_JOB } from "../generations/video-job/kind";
import { viewerMediaUrls } from "../generations/viewer-media-urls";
import { nudgeWorkers } from "../jobs/nudge";
import { type Access, assertMay, canContinueFrom } from "../permissions";
import { enqueueLastFrameJob, LAST_FRAME_JOB, type LastFrameResult } from "./last-frame-job";

// POST /api/generations/:id/last-frame asks for a take's exact last frame; GET reads where it
// stands. Asking is idempotent (one job per take) and allowed before the take is finished: the job
// then waits for the take's video job and runs when the video is stored. Free (local ffmpeg), but
// only for those who may make a take from it (the right to generate in the take's workspace).

const STATE = { BLOCKED: "waiting", QUEUED: "queued", ACTIVE: "running", DONE: "done", FAILED: "failed", CANCELLED: "failed" } as const;

type JobLike = { status: keyof typeof STATE; errorCode: string | null; result: unknown };

/** The frame's signed URL (media-access/media-urls.ts) for a viewer the caller authorized; the
 *  authorizing route when the image is gone (collected), which then answers 404. */
async function frameUrl(client: Db, access: Access, uploadId: string): Promise<string> {
  const upload = await client.upload.findUnique({ where: { id: uploadId }, select: { storageKey: true, mime: true, status: true } });
  if (!upload || upload.status !== "READY") return `/api/uploads/${encodeURIComponent(uploadId)}`;
  return (await viewerMediaUrls(access)).url({ key: upload.storageKey, contentType: upload.mime });
}

async function viewOf(client: Db, access: Access, generationId: string, job: JobLike): Promise<LastFrameView> {
  const state = STATE[job.status];
  const code = state === "failed" ? (job.errorCode && isFrameFailure(job.errorCode) ? job.errorCode : "worker_error") : null;
  const r = state === "done" ? (job.result as LastFrameResult | null) : null;
  return {
    generationId,
    state,
    errorCode: code,
    errorMessage: code ? { en: translate("en", `frame.reason.${code}`), "zh-CN": translate("zh-CN", `frame.reason.${code}`) } : null,
    frame: r ? { uploadId: r.uploadId, url: await frameUrl(client, access, r.uploadId), width: r.width, height: r.height } : null,
  };
}

async function takeFor(client: Db, access: Access, id: string) {
  return assertMay(access, await client.generation.findUnique({ where: { id }, select: { id: true, ownerId: true, teamId: true, deletedAt: true, status: true } }), canContinueFrom);
}

async function findFrameJob(client: Db, id: string) {
  return client.job.findUnique({ where: { kind_subjectId: { kind: LAST_FRAME_JOB, subjectId: id } }, select: { status: true, errorCode: true, result: true } });
}

export async function lastFrameOf(client: Db, access: Access, id: string): Promise<LastFrameView | null> {
  await takeFor(client, access, id);
  const job = await findFrameJob(client, id);
  return job ? viewOf(client, access, id, job) : null;
}

export async function requestLastFrame(client: Db, access: Access, id: string): Promise<{ view: LastFrameView; created: boolean }> {
  const take = await takeFor(client, access, id);
  const existing = await findFrameJob(client, id);
  if (existing) return { view: await viewOf(client, access, id, existing), created: false };
  if (isIn(ENDED_WITHOUT_VIDEO, take.status)) throw new AppError("frame_source_failed");
  const video = await client.job.findUnique({ where: { kind_subjectId: { kind: VIDEO_JOB, subjectId: id } }, select: { id: true, status: true } });
  try {
    await writeTransaction(client, (tx) => enqueueLastFrameJob(tx, id, video && video.status !== "DONE" ? [video.id] : []));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // a concurrent request queued it first: same outcome
  }
  nudgeWorkers();
  const job = await findFrameJob(client, id);
  if (!job) throw new AppError("not_found");
  return { view: await viewOf(client, access, id, job), created: true };
}
