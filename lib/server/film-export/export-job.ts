import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Cut } from "@/lib/shared/film/cut";
import { AppError } from "../errors";
import { renderCut } from "../film-render/render-cut";
import { crashPoint } from "../jobs/crash-point";
import { enqueueJob } from "../jobs/enqueue";
import type { JobKind, Tx } from "../jobs/job-kind";
import { MEDIA_LANE } from "../jobs/media-lane";
import type { StepContext } from "../jobs/step-context";
import { logger } from "../logger";
import { makePoster } from "../media/ffmpeg";
import { filmExportKey, filmExportPrefix } from "../storage";
import { isStorageError } from "../storage/storage-error";
import { moveExport } from "./export-status";

// The film-export job: one rendered version of a film. One step, `render`, in the local media lane
// (one ffmpeg process; free: no upstream, no ledger). It renders the cut that was taken when the export
// was asked for (the job's payload: the film as it was then), from the takes' stored videos copied to
// scratch, with renderCut (a checked file or none), makes a poster, stores both under exports/<id>/ —
// deterministic keys, so a re-run overwrites — and commits READY with the fenced DONE. Progress and ETA
// go to the row (at most once a second) where the storyboard's poll and the live stream read them.
// Cancel and delete are rows the step watches: it aborts ffmpeg and ends the job `cancelled`. A kill -9
// leaves the row RENDERING and the job ACTIVE; when its lease runs out another claim renders again from
// the start (renderCut removes the partial file the killed one left).

export const FILM_EXPORT_JOB = "film-export";

export interface ExportPayload {
  cut: Cut;
  /** shotId → the take whose video is the clip. */
  takes: Record<string, string>;
  /** shotId → the storage key of its voice-over WAV (absent in exports queued before voice-over). */
  voices?: Record<string, string>;
}

const PROGRESS_EVERY_MS = 1_000;
const WATCH_EVERY_MS = 500;

function payloadOf(raw: unknown): ExportPayload | null {
  const p = raw as Partial<ExportPayload> | null;
  return p && typeof p === "object" && p.cut && Array.isArray(p.cut.clips) && p.takes && typeof p.takes === "object" ? (p as ExportPayload) : null;
}

/** Copies each clip's take from storage into `dir`; null when a take lost its video meanwhile. */
async function fetchTakes(ctx: StepContext, payload: ExportPayload, dir: string): Promise<Record<string, string> | null> {
  const ids = [...new Set(Object.values(payload.takes))];
  const assets = await ctx.deps.db.asset.findMany({ where: { generationId: { in: ids }, kind: "VIDEO", generation: { deletedAt: null, status: "STORED" } }, select: { generationId: true, storageKey: true } });
  const keyOf = new Map(assets.map((a) => [a.generationId, a.storageKey]));
  const inputs: Record<string, string> = {};
  for (const clip of payload.cut.clips) {
    const key = keyOf.get(payload.takes[clip.shotId] ?? "");
    if (!key) return null;
    const file = path.join(dir, clip.mediaName);
    if (!(clip.mediaName in inputs)) await pipeline(await ctx.deps.storage.read(key), createWriteStream(file));
    inputs[clip.mediaName] = file;
  }
  return inputs;
}

/**
 * Copies each voice-over WAV into `dir`. A voice removed or replaced since the export was queued is
 * left out: that clip renders without it (and its caption for the whole clip), as the film is now.
 */
async function fetchVoices(ctx: StepContext, payload: ExportPayload, dir: string, inputs: Record<string, string>): Promise<Cut> {
  const clips = [];
  for (const clip of payload.cut.clips) {
    const key = payload.voices?.[clip.shotId];
    if (!clip.voice || !key) {
      clips.push({ ...clip, voice: null });
      continue;
    }
    const file = path.join(dir, clip.voice.mediaName);
    try {
      await pipeline(await ctx.deps.storage.read(key), createWriteStream(file));
      inputs[clip.voice.mediaName] = file;
      clips.push(clip);
    } catch (e) {
      if (!isStorageError(e, "not_found")) throw e;
      logger.warn("film_export.voice_missing", { exportId: ctx.lease.subjectId, shotId: clip.shotId });
      clips.push({ ...clip, voice: null });
    }
  }
  return { ...payload.cut, clips };
}

/** Aborts when the export is cancelled or deleted (by any process: the row is the signal). */
function watchForCancel(ctx: StepContext, exportId: string, abort: AbortController): () => void {
  const timer = setInterval(() => {
    void ctx.deps.db.filmExport
      .findUnique({ where: { id: exportId }, select: { status: true, deletedAt: true } })
      .then((row) => {
        if (!row || row.deletedAt || row.status === "CANCELLED") abort.abort(new Error("export cancelled"));
      })
      .catch(() => undefined);
  }, WATCH_EVERY_MS);
  return () => clearInterval(timer);
}

async function renderStep(ctx: StepContext): Promise<void> {
  const { db, storage, scratchDir } = ctx.deps;
  const exportId = ctx.lease.subjectId;
  const payload = payloadOf((await ctx.job()).payload);
  if (!payload) {
    await ctx.fail("render_failed", "the export job has no cut");
    return;
  }
  // QUEUED → RENDERING (or RENDERING again after a crash). Nothing moved: cancelled or deleted first.
  if (!(await moveExport(db, exportId, "RENDERING", { progress: 0, etaMs: null }, ["QUEUED", "RENDERING"])) || (await db.filmExport.count({ where: { id: exportId, deletedAt: { not: null } } }))) {
    await ctx.fail("cancelled", "the export was cancelled or deleted before it rendered");
    return;
  }
  const dir = path.join(scratchDir, `export-${exportId}-${randomBytes(4).toString("hex")}`);
  const cancel = new AbortController();
  const stopWatch = watchForCancel(ctx, exportId, cancel);
  const signal = AbortSignal.any([ctx.signal, cancel.signal]);
  let lastWrite = 0;
  try {
    await mkdir(dir, { recursive: true });
    const inputs = await fetchTakes(ctx, payload, dir);
    if (!inputs) {
      await ctx.fail("takes_missing", "a take of the cut has no stored video");
      return;
    }
    const cut = await fetchVoices(ctx, payload, dir, inputs);
    const outFile = path.join(dir, "film.mp4");
    const posterFile = path.join(dir, "poster.jpg");
    let result;
    try {
      result = await renderCut(cut, inputs, outFile, {
        captions: (await db.filmExport.findUniqueOrThrow({ where: { id: exportId }, select: { captions: true } })).captions,
        scratchDir: dir,
        signal,
        onProgress: (p) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_EVERY_MS) return;
          lastWrite = now;
          void db.filmExport
            .updateMany({ where: { id: exportId, status: "RENDERING" }, data: { progress: Math.min(0.99, p.fraction), etaMs: p.etaMs === null ? null : Math.round(p.etaMs) } })
            .catch((err: unknown) => logger.warn("film_export.progress_write_failed", { exportId, error: err }));
        },
      });
    } catch (e) {
      if (cancel.signal.aborted && !ctx.signal.aborted) {
        await ctx.fail("cancelled", "cancelled while rendering");
        return;
      }
      if (e instanceof AppError && e.code === "film_input_invalid") {
        await ctx.fail("input_invalid", e.message);
        return;
      }
      if (e instanceof AppError && e.code === "film_cut_invalid") {
        await ctx.fail("render_failed", "the cut cannot be rendered");
        return;
      }
      throw e; // ffmpeg could not run, or a shutdown: the runner retries with backoff
    }
    crashPoint("export.afterRender", ctx.lease.subjectId);
    await makePoster(outFile, posterFile, { durationMs: result.durationMs });
    signal.throwIfAborted();
    const videoKey = filmExportKey(exportId, "film.mp4");
    const posterKey = filmExportKey(exportId, "poster.jpg");
    const video = await storage.put(videoKey, createReadStream(outFile), { contentType: "video/mp4" });
    await storage.put(posterKey, createReadStream(posterFile), { contentType: "image/jpeg" });
    crashPoint("export.afterStore", ctx.lease.subjectId);
    let recorded = false;
    await ctx.done({
      result: { durationMs: result.durationMs, bytes: video.bytes, sha256: video.sha256 },
      effect: async (tx) => {
        recorded = await moveExport(tx, exportId, "READY", {
          progress: 1,
          etaMs: null,
          storageKey: videoKey,
          posterKey,
          durationMs: result.durationMs,
          width: result.width,
          height: result.height,
          bytes: BigInt(video.bytes),
          finishedAt: ctx.now(),
          errorCode: null,
        }, ["RENDERING"]);
      },
    });
    // Cancelled or deleted between the render and the commit: keep no objects.
    if (!recorded || (await db.filmExport.count({ where: { id: exportId, deletedAt: { not: null } } }))) await storage.deletePrefix(filmExportPrefix(exportId));
  } catch (e) {
    if (cancel.signal.aborted && !ctx.signal.aborted && ctx.held) {
      await ctx.fail("cancelled", "cancelled while storing");
      return;
    }
    throw e;
  } finally {
    stopWatch();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export const filmExportJob: JobKind = {
  name: FILM_EXPORT_JOB,
  lanes: [MEDIA_LANE],
  steps: { render: renderStep },
  holdsLane: () => true,
  // A render that fails for a reason other than its takes is ffmpeg not running: a few tries, then FAILED.
  maxFailures: 3,
  async ended(tx, job, end) {
    const to = end.status === "CANCELLED" || end.code === "cancelled" ? "CANCELLED" : "FAILED";
    await moveExport(tx, job.subjectId, to, { errorCode: to === "FAILED" ? end.code : null, errorMessage: end.message.slice(0, 500), etaMs: null, finishedAt: new Date() });
  },
  async afterFail(deps, job) {
    // An interrupted attempt may have stored objects that no READY row records.
    await deps.storage.deletePrefix(filmExportPrefix(job.subjectId)).catch((err: unknown) => logger.warn("film_export.cleanup_failed", { jobId: job.id, error: err }));
  },
};

/** Queues the render of an export inside the transaction that creates its row. */
export async function enqueueFilmExportJob(tx: Tx, exportId: string, payload: ExportPayload): Promise<string> {
  const job = await enqueueJob(tx, { kind: FILM_EXPORT_JOB, subjectId: exportId, lane: MEDIA_LANE.name, step: "render", payload: JSON.parse(JSON.stringify(payload)) as object });
  return job.id;
}
