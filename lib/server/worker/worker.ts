import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { getUpstream } from "@/lib/server/bigmodel/upstream";
import { db as defaultDb, dbProvider } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { claimActive, claimQueued, type Claimed } from "@/lib/server/generations/claim";
import { logger } from "@/lib/server/logger";
import { storage as defaultStorage } from "@/lib/server/storage/instance";
import { VIDEO_MODELS } from "@/lib/shared/upstream/video-models";
import { effectiveCap } from "./adaptive-cap";
import { readBreaker, takeProbeSlot, type BreakerState } from "./breaker";
import { Job, type WorkerDeps } from "./job";
import { startHeartbeat } from "./lease";
import { onNudge } from "./nudge";
import { runJob } from "./run-job";
import { SCRATCH_TTL_MS, sweepScratch } from "./scratch";
import { upstreamTimeScale } from "./time-scale";

// The worker loop. Several may run at once (inside `npm start` and as `npm run worker`): all
// coordination goes through the database (leases, caps, breaker), nothing through memory. Each
// process runs up to `concurrency` jobs; it wakes on a short DB poll, when a job ends, or on an
// in-process nudge. stop() stops claiming, lets running jobs finish for `graceMs`, then aborts the
// rest, which give their rows back.

export interface WorkerOptions extends Partial<WorkerDeps> {
  concurrency?: number;
  idlePollMs?: number;
}

export interface RunningWorker {
  readonly owner: string;
  nudge(): void;
  /** Jobs running right now (tests, health). */
  activeCount(): number;
  stop(graceMs?: number): Promise<void>;
}

interface Next {
  claimed: Claimed;
  probe: boolean;
  /** Claimed while already SUBMITTING: an earlier attempt may have reached the upstream. */
  resumed: boolean;
  breaker?: BreakerState;
}

export function startWorker(options: WorkerOptions = {}): RunningWorker {
  const e = env();
  const deps: WorkerDeps = {
    db: options.db ?? defaultDb(),
    provider: options.provider ?? dbProvider(),
    storage: options.storage ?? defaultStorage(),
    upstream: options.upstream ?? getUpstream,
    owner: options.owner ?? `${os.hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`,
    leaseMs: options.leaseMs ?? e.WORKER_LEASE_MS,
    timeScale: options.timeScale ?? upstreamTimeScale(),
    modelCap: options.modelCap ?? e.MODEL_CONCURRENCY,
    breakerProbeMs: options.breakerProbeMs ?? e.WORKER_BREAKER_PROBE_MS,
    scratchDir: options.scratchDir ?? path.resolve(e.DATA_DIR, "worker-tmp"),
  };
  const concurrency = options.concurrency ?? e.WORKER_CONCURRENCY;
  const idlePollMs = options.idlePollMs ?? e.WORKER_IDLE_POLL_MS;
  const claimOpts = { owner: deps.owner, leaseMs: deps.leaseMs, provider: deps.provider };
  const active = new Map<string, { job: Job; abort: AbortController; done: Promise<void> }>();
  let running = true;
  let wake: (() => void) | undefined;
  let modelTurn = 0;

  const poke = () => wake?.();
  const offNudge = onNudge(poke);

  async function claimNext(): Promise<Next | null> {
    const resumed = await claimActive(deps.db, claimOpts);
    if (resumed) return { claimed: resumed, probe: false, resumed: resumed.lease.status === "SUBMITTING" };
    const breaker = await readBreaker(deps.db);
    if (breaker.open && !(await takeProbeSlot(deps.db, deps.breakerProbeMs))) return null;
    // Rotate the starting model so one busy model can't starve the others.
    modelTurn = (modelTurn + 1) % VIDEO_MODELS.length;
    for (let i = 0; i < VIDEO_MODELS.length; i++) {
      const model = VIDEO_MODELS[(modelTurn + i) % VIDEO_MODELS.length] as string;
      const cap = await effectiveCap(deps.db, model, deps.modelCap, deps.timeScale);
      const claimed = await claimQueued(deps.db, model, cap, claimOpts);
      if (claimed) return { claimed, probe: breaker.open, resumed: false, breaker };
    }
    return null;
  }

  function launch(next: Next): void {
    const abort = new AbortController();
    const { lease, dbNow } = next.claimed;
    const job = new Job(deps, lease, dbNow.getTime() - Date.now(), abort.signal);
    const heartbeat = startHeartbeat({
      db: deps.db,
      provider: deps.provider,
      leaseMs: deps.leaseMs,
      current: () => (job.held ? job.lease : null),
      onLost: () => abort.abort(),
    });
    const done = runJob(job, { probe: next.probe, resumed: next.resumed, breaker: next.breaker }).finally(() => {
      heartbeat.stop();
      active.delete(job.id);
      poke();
    });
    active.set(job.id, { job, abort, done });
  }

  async function fill(): Promise<void> {
    while (running && active.size < concurrency) {
      const next = await claimNext();
      if (!next) return;
      launch(next);
    }
  }

  const loop = (async () => {
    await sweepScratch(deps.scratchDir).catch((err: unknown) => logger.warn("worker.scratch_sweep_failed", { error: err }));
    await deps.storage.sweepTemp(SCRATCH_TTL_MS).catch((err: unknown) => logger.warn("worker.storage_sweep_failed", { error: err }));
    logger.info("worker.started", { owner: deps.owner, concurrency, leaseMs: deps.leaseMs, timeScale: deps.timeScale });
    while (running) {
      try {
        await fill();
      } catch (err) {
        logger.error("worker.claim_failed", { error: err });
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, idlePollMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  return {
    owner: deps.owner,
    nudge: poke,
    activeCount: () => active.size,
    async stop(graceMs = 20_000) {
      running = false;
      offNudge();
      poke();
      await loop;
      const all = () => Promise.allSettled([...active.values()].map((a) => a.done));
      const timedOut = await Promise.race([all().then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref())]);
      if (timedOut) {
        for (const a of active.values()) a.abort.abort();
        await all();
      }
      logger.info("worker.stopped", { owner: deps.owner, aborted: timedOut });
    },
  };
}
