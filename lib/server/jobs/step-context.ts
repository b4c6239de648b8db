import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { BreakerState } from "./breaker";
import { endEffects, promoteReady } from "./dependants";
import { fencedJobWrite, type JobChange, type Lease } from "./fence";
import type { JobKind, JobRow, RunnerDeps, Tx } from "./job-kind";

// What a step gets: the runner's dependencies, the claimed job's lease, and the ONLY ways a step
// may move its job. Each transition is one fenced write (plus the step's own effect on its subject
// and the runner's ledger/dependant effects, in the same transaction), so a step can't forget the
// fence, the lane slot, the refund, or the jobs waiting for it.

type Effect = (tx: Tx, job: JobRow) => Promise<void>;

export interface ClaimInfo {
  /** This run is the breaker's probe: it may reach the upstream while the breaker is open. */
  probe: boolean;
  /** Claimed as an ACTIVE job whose lease had run out or that was due again (not freshly from the queue). */
  resumed: boolean;
  /** The breaker as read at the claim (upstream lanes only). */
  breaker?: BreakerState;
}

export interface TransitionOptions {
  effect?: Effect;
  /** The upstream accepted the work: the kind's ledger CHARGE is written with this transition. */
  charge?: boolean;
  /** Why the job waits (a transient upstream code), for operators; cleared by the next progress. */
  note?: { code: string; message: string };
}

export class StepContext {
  lease: Lease;
  /** Cleared once the job was released or ended: heartbeats stop and the runner's loop ends. */
  held = true;

  constructor(
    readonly deps: RunnerDeps,
    readonly kind: JobKind,
    lease: Lease,
    readonly claim: ClaimInfo,
    /** Database clock minus local clock at the claim: schedules are written in database time. */
    readonly dbOffsetMs: number,
    readonly signal: AbortSignal,
  ) {
    this.lease = lease;
  }

  get id(): string {
    return this.lease.id;
  }

  now(): Date {
    return new Date(Date.now() + this.dbOffsetMs);
  }

  at(offsetMs: number, from: Date = this.now()): Date {
    return new Date(from.getTime() + Math.max(0, offsetMs));
  }

  job(): Promise<JobRow> {
    return this.deps.db.job.findUniqueOrThrow({ where: { id: this.id } });
  }

  private async write(change: JobChange, opts: TransitionOptions, extra?: Effect): Promise<void> {
    const { kind } = this;
    const effect: Effect | undefined =
      opts.effect || opts.charge || extra
        ? async (tx, job) => {
            if (opts.charge) await kind.ledger?.charge(tx, job);
            await opts.effect?.(tx, job);
            await extra?.(tx, job);
          }
        : undefined;
    this.lease = await fencedJobWrite(this.deps.db, this.lease, change, effect);
    if (change.release) this.held = false;
  }

  private notes(opts: TransitionOptions) {
    return { errorCode: opts.note?.code ?? null, errorMessage: opts.note?.message.slice(0, 500) ?? null };
  }

  /** Go on with `step` now, keeping the lease (the runner calls it next). */
  advance(step: string, opts: TransitionOptions = {}): Promise<void> {
    return this.write({ status: "ACTIVE", step, inLane: this.kind.holdsLane(step), release: false, failures: 0, ...this.notes(opts) }, opts);
  }

  /** Run `step` again at `runAt` (by whichever worker claims it then); the lease is given back. */
  later(step: string, runAt: Date, opts: TransitionOptions = {}): Promise<void> {
    return this.write({ status: "ACTIVE", step, inLane: this.kind.holdsLane(step), release: true, runAt, failures: 0, ...this.notes(opts) }, opts);
  }

  /** Back to the queue (its lane slot freed) until `runAt`: nothing reached the upstream. */
  requeue(runAt: Date, opts: TransitionOptions = {}): Promise<void> {
    return this.write({ status: "QUEUED", inLane: false, release: true, runAt, failures: 0, ...this.notes(opts) }, opts);
  }

  /** Finished with its result; jobs waiting only for this one become QUEUED in the same transaction. */
  done(opts: TransitionOptions & { result?: Prisma.InputJsonValue } = {}): Promise<void> {
    const { provider } = this.deps;
    return this.write(
      { status: "DONE", inLane: false, release: true, finishedAt: this.now(), errorCode: null, errorMessage: null, ...(opts.result !== undefined ? { result: opts.result } : {}) },
      opts,
      async (tx, job) => void (await promoteReady(tx, provider, job.id)),
    );
  }

  /** After an unexpected error: the same step again at `runAt`, counting the failure. */
  async retryAfterError(runAt: Date, failures: number, error: string): Promise<void> {
    const { step } = this.lease;
    await this.write(
      { status: this.lease.status, step, inLane: this.lease.status === "ACTIVE" && this.kind.holdsLane(step), release: true, runAt, failures, errorCode: "worker_error", errorMessage: error.slice(0, 500) },
      {},
    );
  }

  /** Ends without a result: the kind's refund and `ended` run in the same transaction. */
  async fail(code: string, message: string, opts: TransitionOptions = {}): Promise<void> {
    const text = message.slice(0, 500);
    await this.write(
      { status: "FAILED", inLane: false, release: true, finishedAt: this.now(), errorCode: code, errorMessage: text },
      opts,
      (tx, job) => endEffects(tx, this.kind, job, { status: "FAILED", code, message: text }),
    );
    await this.kind.afterFail?.(this.deps, { id: this.id, subjectId: this.lease.subjectId });
  }
}
