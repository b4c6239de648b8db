import "server-only";
import type { Generation } from "@/lib/generated/sqlite/client";
import type { Db, DbProvider } from "@/lib/server/db";
import { fencedTransition, type FencedData, type Lease, type Tx } from "@/lib/server/generations/fenced-update";
import type { Status } from "@/lib/server/generations/state-machine";
import type { Upstream } from "@/lib/server/bigmodel/upstream";
import type { Storage } from "@/lib/server/storage";

// What every step (submit, poll, rehost) gets: the worker's configuration and one claimed row whose
// lease it holds. `move` is the only way a step writes the row, so every write is fenced and checked
// against the state machine, and the job always knows its current lease version (for heartbeats).

export interface WorkerDeps {
  db: Db;
  provider: DbProvider;
  storage: Storage;
  upstream: () => Promise<Upstream>;
  /** Lease owner: process id + random, unique per worker instance. */
  owner: string;
  leaseMs: number;
  timeScale: number;
  /** MODEL_CONCURRENCY: the configured cap per model. */
  modelCap: number;
  breakerProbeMs: number;
  /** Scratch directory for downloads and ffmpeg outputs (local disk, swept at start). */
  scratchDir: string;
}

export class Job {
  lease: Lease;
  /** Cleared once the row was released or reached a terminal state: heartbeats stop. */
  held = true;

  constructor(
    readonly deps: WorkerDeps,
    lease: Lease,
    /** DB clock minus local clock at the claim: schedules are written in DB time. */
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

  row(): Promise<Generation> {
    return this.deps.db.generation.findUniqueOrThrow({ where: { id: this.id } });
  }

  /** Fenced write; `release` hands the row back (it will be claimed again when due). */
  async move(
    to: Status,
    data: FencedData,
    opts: { release?: boolean; effect?: (tx: Tx, row: Generation) => Promise<void> } = {},
  ): Promise<void> {
    const release = opts.release ?? false;
    const terminal = ["STORED", "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"].includes(to);
    this.lease = await fencedTransition(this.deps.db, this.lease, to, data, opts.effect, { release: release || terminal });
    if (release || terminal) this.held = false;
  }
}
