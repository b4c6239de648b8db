import "server-only";
import path from "node:path";
import { aiCallJob } from "@/lib/server/ai-calls/call-job";
import { getUpstream } from "@/lib/server/bigmodel/upstream";
import { db as defaultDb, dbProvider } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { filmExportJob } from "@/lib/server/film-export/export-job";
import { lastFrameJob } from "@/lib/server/frames/last-frame-job";
import { derivativesJob } from "@/lib/server/generations/derivatives/derivatives-job";
import { videoJob } from "@/lib/server/generations/video-job/kind";
import type { JobKind, RunnerDeps } from "@/lib/server/jobs/job-kind";
import { newLeaseOwner } from "@/lib/server/jobs/lease-owner";
import { type RunningWorker, startRunner } from "@/lib/server/jobs/runner";
import { upstreamTimeScale } from "@/lib/server/jobs/time-scale";
import { storage as defaultStorage } from "@/lib/server/storage/instance";
import { startUploadCollector } from "./upload-collector";

// The composition root of background work: the job runner with every kind the studio has. Adding a
// kind means writing its module and listing it here (docs/architecture.md, "Adding a job kind"). Each
// worker also runs the collector of unused uploads (./upload-collector.ts).

export type { RunningWorker };

const JOB_KINDS: readonly JobKind[] = [videoJob, derivativesJob, lastFrameJob, filmExportJob, aiCallJob];

export interface WorkerOptions extends Partial<RunnerDeps> {
  concurrency?: number;
  upstreamSlots?: number;
  idlePollMs?: number;
  kinds?: readonly JobKind[];
}

export function startWorker(options: WorkerOptions = {}): RunningWorker {
  const e = env();
  const { concurrency, upstreamSlots, idlePollMs, kinds, ...overrides } = options;
  const deps: RunnerDeps = {
    db: defaultDb(),
    provider: dbProvider(),
    storage: defaultStorage(),
    upstream: getUpstream,
    owner: newLeaseOwner(),
    leaseMs: e.WORKER_LEASE_MS,
    timeScale: upstreamTimeScale(),
    modelCap: e.MODEL_CONCURRENCY,
    mediaCap: e.MEDIA_JOB_CONCURRENCY,
    breakerProbeMs: e.WORKER_BREAKER_PROBE_MS,
    scratchDir: path.resolve(e.DATA_DIR, "worker-tmp"),
    ...overrides,
  };
  const stopCollector = startUploadCollector(deps, e.UPLOAD_GC_GRACE_HOURS * 3_600_000);
  const runner = startRunner({
    deps,
    kinds: kinds ?? JOB_KINDS,
    concurrency: concurrency ?? e.WORKER_CONCURRENCY,
    upstreamSlots: upstreamSlots ?? e.WORKER_UPSTREAM_JOBS,
    idlePollMs: idlePollMs ?? e.WORKER_IDLE_POLL_MS,
  });
  return {
    ...runner,
    async stop(graceMs) {
      await stopCollector();
      await runner.stop(graceMs);
    },
  };
}
