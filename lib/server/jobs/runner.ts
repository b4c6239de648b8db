import "server-only";
import { logger } from "@/lib/server/logger";
import { readBreaker, takeProbeSlot, type BreakerState } from "./breaker";
import { anyClaimable, claimActive, claimQueued, type Claimed, type ClaimOptions } from "./claim";
import { expireGoneOwnersLeases } from "./dead-owners";
import { settleDependants } from "./dependants";
import type { JobKind, LaneSpec, RunnerDeps } from "./job-kind";
import { startHeartbeat } from "./lease";
import { onNudge } from "./nudge";
import { runClaimed } from "./run-claimed";
import { SCRATCH_TTL_MS, sweepScratch } from "./scratch";
import { StepContext, type ClaimInfo } from "./step-context";

// The one job runner. Several may run at once (inside `npm start` and as `npm run worker`): all
// coordination goes through the database (leases, lane caps, the breaker, dependencies), nothing
// through memory. Each process runs up to `concurrency` jobs of its own work; it wakes on a short
// database poll, when a job ends, or on an in-process nudge. Up to `upstreamSlots` jobs claimed from
// an upstream lane do not count against `concurrency` while their step holds the lane's slot (a chat,
// still or speech answer awaited, a video create): that is waiting on the platform, bounded by the
// lane's cap across every process, and counting it here would keep the lane below its cap (4 jobs
// could never fill 5 still slots, and a backlog of speech would starve the stills). stop() stops claiming, lets running jobs finish for
// `graceMs`, then aborts the rest, which give their jobs back.

export interface RunnerOptions {
  deps: RunnerDeps;
  kinds: readonly JobKind[];
  concurrency: number;
  /**
   * Jobs waiting on the platform in an upstream lane's slot that do not count against `concurrency`
   * (their lanes' caps bound them across processes); 0 = they count like any job (one job at a time
   * with concurrency 1, as the crash tests need).
   */
  upstreamSlots: number;
  idlePollMs: number;
}

export interface RunningWorker {
  readonly owner: string;
  nudge(): void;
  /** Jobs running right now (tests, health). */
  activeCount(): number;
  stop(graceMs?: number): Promise<void>;
}

const GONE_OWNERS_EVERY_MS = 1_000;

interface Next {
  claimed: Claimed;
  info: ClaimInfo;
  /** Claimed from an upstream lane's queue: its lane-holding step waits on the platform. */
  upstream: boolean;
}

interface Active {
  ctx: StepContext;
  abort: AbortController;
  done: Promise<void>;
  upstream: boolean;
}

/** A job claimed from an upstream lane whose step holds the lane's slot: it waits on the platform. */
function isWaitingUpstream(a: Active): boolean {
  return a.upstream && a.ctx.kind.holdsLane(a.ctx.lease.step);
}

function lanesOf(kinds: readonly JobKind[]): LaneSpec[] {
  const byName = new Map<string, LaneSpec>();
  for (const k of kinds) for (const l of k.lanes) if (!byName.has(l.name)) byName.set(l.name, l);
  return [...byName.values()];
}

export function startRunner({ deps, kinds, concurrency, upstreamSlots, idlePollMs }: RunnerOptions): RunningWorker {
  const registry = new Map(kinds.map((k) => [k.name, k]));
  const lanes = lanesOf(kinds);
  const claimOpts: ClaimOptions = { owner: deps.owner, leaseMs: deps.leaseMs, provider: deps.provider, kinds: [...registry.keys()] };
  const active = new Map<string, Active>();
  let running = true;
  let wake: (() => void) | undefined;
  let laneTurn = 0;

  // A poke while fill() runs (a job ended, a nudge) must not be lost: fill may already have passed the
  // lane that just got a free slot, and the next idle poll can be a second away. It makes the loop fill again at once.
  let pokedWhileFilling = false;
  const poke = () => {
    if (wake) wake();
    else pokedWhileFilling = true;
  };
  const offNudge = onNudge(poke);


  async function claimFromLanes(upstreamOnly: boolean): Promise<Next | null> {
    let breaker: BreakerState | undefined;
    let probe: boolean | undefined;
    // Rotate the starting lane so one busy lane can't starve the others.
    laneTurn = (laneTurn + 1) % Math.max(1, lanes.length);
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[(laneTurn + i) % lanes.length] as LaneSpec;
      if (upstreamOnly && !lane.upstream) continue;
      if (lane.upstream) {
        breaker ??= await readBreaker(deps.db);
        // While the account is blocked, at most one probe per interval (across every process) goes out.
        if (breaker.open && !(probe ??= await takeProbeSlot(deps.db, deps.breakerProbeMs))) continue;
      }
      const claimed = await claimQueued(deps.db, lane.name, await lane.cap(deps), claimOpts);
      if (claimed) return { claimed, upstream: lane.upstream, info: { probe: lane.upstream && breaker?.open === true, resumed: false, ...(breaker ? { breaker } : {}) } };
    }
    return null;
  }

  /**
   * With one of `concurrency` free: a resumed job first, then any lane; without one but with an
   * upstream slot free, only an upstream lane's queue; else nothing.
   */
  async function claimNext(): Promise<Next | null> {
    const waiting = [...active.values()].filter(isWaitingUpstream).length;
    if (active.size - Math.min(waiting, upstreamSlots) >= concurrency) return waiting < upstreamSlots ? claimFromLanes(true) : null;
    // A resumed job counts as local work whatever its step (its lane is not known here).
    const resumed = await claimActive(deps.db, claimOpts);
    if (resumed) return { claimed: resumed, upstream: false, info: { probe: false, resumed: true } };
    return claimFromLanes(false);
  }

  function launch({ claimed, info, upstream }: Next): void {
    const kind = registry.get(claimed.lease.kind);
    if (!kind) throw new Error(`claimed a job of unknown kind ${claimed.lease.kind}`);
    const abort = new AbortController();
    const ctx = new StepContext(deps, kind, claimed.lease, info, claimed.dbNow.getTime() - Date.now(), abort.signal);
    const heartbeat = startHeartbeat({
      db: deps.db,
      provider: deps.provider,
      leaseMs: deps.leaseMs,
      current: () => (ctx.held ? ctx.lease : null),
      onLost: () => abort.abort(),
    });
    const done = runClaimed(ctx)
      .catch((e: unknown) => logger.error("jobs.run_failed", { jobId: ctx.id, error: e }))
      .finally(() => {
        heartbeat.stop();
        active.delete(ctx.id);
        poke();
      });
    active.set(ctx.id, { ctx, abort, done, upstream });
  }

  // Looking for dead runners' leases costs a query; once a second is soon enough after a crash. A
  // failed look only delays that early expiry (the leases still run out), so it never stops claiming.
  let goneOwnersCheckedAt = -Infinity;
  async function expireGoneOwners(): Promise<void> {
    if (performance.now() - goneOwnersCheckedAt < GONE_OWNERS_EVERY_MS) return;
    goneOwnersCheckedAt = performance.now();
    await expireGoneOwnersLeases(deps.db, deps.provider, deps.owner).catch((err: unknown) => logger.warn("jobs.gone_owners_check_failed", { error: err }));
  }

  async function fill(): Promise<void> {
    await settleDependants(deps.db, deps.provider, registry);
    await expireGoneOwners();
    // Most polls find nothing due (jobs wait on the platform until their runAt): one read says so.
    if (!(await anyClaimable(deps.db, claimOpts))) return;
    while (running) {
      const next = await claimNext();
      if (!next) return;
      launch(next);
    }
  }

  const loop = (async () => {
    await sweepScratch(deps.scratchDir).catch((err: unknown) => logger.warn("jobs.scratch_sweep_failed", { error: err }));
    await deps.storage.sweepTemp(SCRATCH_TTL_MS).catch((err: unknown) => logger.warn("jobs.storage_sweep_failed", { error: err }));
    logger.info("jobs.runner_started", { owner: deps.owner, concurrency, kinds: [...registry.keys()], leaseMs: deps.leaseMs, timeScale: deps.timeScale });
    while (running) {
      pokedWhileFilling = false;
      try {
        await fill();
      } catch (err) {
        logger.error("jobs.claim_failed", { error: err });
      }
      if (!running) break;
      if (pokedWhileFilling) continue;
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
      logger.info("jobs.runner_stopped", { owner: deps.owner, aborted: timedOut });
    },
  };
}
