import "server-only";
import { translate } from "@/lib/i18n/translate";
import { ENDED_WITHOUT_VIDEO, type FailureReason, type GenerationStatus, isFailureReason, isIn } from "@/lib/shared/generation-lifecycle";
import { parseGenerationParams } from "@/lib/shared/generation-params";
import type { DerivativesState, GenerationView } from "@/lib/shared/generation-view";
import type { Db } from "../db";
import { DERIVATIVES_JOB } from "./derivatives/derivatives-job";
import type { MediaUrls } from "../media-access/media-urls";
import { expectedGenerationMs } from "./expected-duration";
import { type DbMode, MODE_OF_DB } from "@/lib/shared/generation-mode";

// Generation row → GenerationView, the one JSON shape of a take (lib/shared/generation-view.ts).
// Media URLs only for Asset rows that exist, signed for the viewer (players fetch them without a
// database read; downloads go through the authorizing route); the reason (a closed code) in both languages.

/** Prisma `include` every view needs; use it in every query whose rows become views. */
export const VIEW_INCLUDE = {
  inputs: { orderBy: { position: "asc" }, include: { upload: { select: { width: true, height: true, storageKey: true, mime: true } } } },
  assets: { select: { kind: true, bytes: true, width: true, height: true, durationMs: true, storageKey: true, mime: true } },
} as const;

export interface ViewRow {
  id: string;
  mode: DbMode;
  model: string;
  prompt: string;
  params: unknown;
  status: GenerationStatus;
  errorCode: string | null;
  costFen: number;
  upstreamRequestId: string;
  upstreamTaskId: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  successSeenAt: Date | null;
  downloadedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  takeGroupId: string | null;
  inputs: { position: number; uploadId: string; upload: { width: number; height: number; storageKey: string; mime: string } }[];
  assets: {
    kind: "VIDEO" | "COVER" | "POSTER" | "PREVIEW";
    bytes: number;
    width: number | null;
    height: number | null;
    durationMs: number | null;
    storageKey: string;
    mime: string;
  }[];
}

/** The reason of a take that ended without a video (its errorCode, a closed set), else null. */
export function failureReasonOf(status: GenerationStatus, errorCode: string | null): FailureReason | null {
  if (!isIn(ENDED_WITHOUT_VIDEO, status)) return null;
  if (errorCode && isFailureReason(errorCode)) return errorCode;
  // Every end writes a reason; a row without one can only come from outside the app (a restore).
  return status === "CANCELLED" ? "cancelled" : "worker_error";
}

export function progressOf(status: GenerationStatus, acceptedAt: Date | null, expectedMs: number, now: number): number {
  switch (status) {
    case "QUEUED":
      return 0.02;
    case "SUBMITTING":
    case "HELD":
      return 0.05;
    case "PROCESSING": {
      if (!acceptedAt || expectedMs <= 0) return 0.05;
      const elapsed = Math.max(0, now - acceptedAt.getTime());
      return 0.05 + 0.85 * Math.min(elapsed / expectedMs, 0.97);
    }
    case "DOWNLOADING":
      return 0.93;
    case "STORED":
      return 1;
    default:
      return 0; // ended without a video
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The authorizing route (one request, checked against the database): downloads go there. */
function mediaRouteUrl(generationId: string, file: string): string {
  return `/api/media/${encodeURIComponent(generationId)}/${file}`;
}

function mediaView(row: ViewRow, urls: MediaUrls): GenerationView["media"] {
  const media: GenerationView["media"] = {};
  for (const a of row.assets) {
    const url = urls.url({ key: a.storageKey, contentType: a.mime });
    if (a.kind === "VIDEO") {
      media.video = {
        url,
        downloadUrl: `${mediaRouteUrl(row.id, "video.mp4")}?download=1`,
        bytes: a.bytes,
        width: a.width ?? row.width,
        height: a.height ?? row.height,
        durationMs: a.durationMs ?? row.durationMs,
      };
    } else if (a.kind === "COVER") media.cover = { url };
    else if (a.kind === "POSTER") media.poster = { url };
    else media.preview = { url };
  }
  return media;
}

type JobStatusName = "BLOCKED" | "QUEUED" | "ACTIVE" | "DONE" | "FAILED" | "CANCELLED";

function hasDerivatives(row: ViewRow): boolean {
  return row.assets.some((a) => a.kind === "POSTER") && row.assets.some((a) => a.kind === "PREVIEW");
}

/** Where a STORED take's poster and preview stand, from its assets and (when they are missing) its derivatives job. */
function derivativesOf(row: ViewRow, job: JobStatusName | null | undefined): DerivativesState | undefined {
  if (row.status !== "STORED") return undefined;
  if (hasDerivatives(row)) return "ready";
  // No job (a take stored before they were derived separately) or one that ended: nothing more will come by itself.
  return job === "BLOCKED" || job === "QUEUED" || job === "ACTIVE" ? "pending" : "failed";
}

/** The status of the derivatives job of each STORED row that lacks its poster or preview (one query, none when all have them). */
export async function derivativeJobsOf(client: Pick<Db, "job">, rows: readonly ViewRow[]): Promise<Map<string, JobStatusName>> {
  const ids = rows.filter((r) => r.status === "STORED" && !hasDerivatives(r)).map((r) => r.id);
  if (ids.length === 0) return new Map();
  const jobs = await client.job.findMany({ where: { kind: DERIVATIVES_JOB, subjectId: { in: ids } }, select: { subjectId: true, status: true } });
  return new Map(jobs.map((j) => [j.subjectId, j.status]));
}

/** Pure mapping; `expectedMs` comes from expected-duration.ts; `urls` signs the media URLs for the
 *  viewer the caller has authorized (media-access/media-urls.ts); `derivedJob` from derivativeJobsOf. */
export function toGenerationView(row: ViewRow, expectedMs: number, urls: MediaUrls, now = Date.now(), derivedJob?: JobStatusName | null): GenerationView {
  const reason = failureReasonOf(row.status, row.errorCode);
  const key = reason ? (`generation.reason.${reason}` as const) : null;
  const mode = MODE_OF_DB[row.mode];
  return {
    id: row.id,
    mode,
    model: row.model,
    prompt: row.prompt,
    params: parseGenerationParams(mode, row.params),
    status: row.status,
    errorCode: reason,
    errorMessage: key ? { en: translate("en", key), "zh-CN": translate("zh-CN", key) } : null,
    costFen: row.costFen,
    createdAt: row.createdAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    acceptedAt: iso(row.acceptedAt),
    successSeenAt: iso(row.successSeenAt),
    downloadedAt: iso(row.downloadedAt),
    finishedAt: iso(row.finishedAt),
    updatedAt: row.updatedAt.toISOString(),
    expectedMs,
    progress: progressOf(row.status, row.acceptedAt, expectedMs, now),
    inputs: row.inputs.map((i) => ({
      position: i.position,
      uploadId: i.uploadId,
      url: urls.url({ key: i.upload.storageKey, contentType: i.upload.mime }),
      width: i.upload.width,
      height: i.upload.height,
    })),
    media: mediaView(row, urls),
    upstream: { requestId: row.upstreamRequestId, taskId: row.upstreamTaskId },
    takeGroupId: row.takeGroupId,
    ...(row.status === "STORED" ? { derivatives: derivativesOf(row, derivedJob) } : {}),
  };
}

/** Views for many rows with one expected-duration lookup per model. */
export async function toGenerationViews(client: Pick<Db, "generation" | "job">, rows: ViewRow[], urls: MediaUrls, now = Date.now()): Promise<GenerationView[]> {
  const expected = new Map<string, number>();
  for (const model of new Set(rows.map((r) => r.model))) expected.set(model, await expectedGenerationMs(client, model, now));
  const derived = await derivativeJobsOf(client, rows);
  return rows.map((r) => toGenerationView(r, expected.get(r.model) ?? 0, urls, now, derived.get(r.id)));
}

/** The view of one clip by id, or null. Authorization is the caller's (permissions). */
export async function loadGenerationRow(client: Db, id: string) {
  return client.generation.findUnique({ where: { id }, include: VIEW_INCLUDE });
}
