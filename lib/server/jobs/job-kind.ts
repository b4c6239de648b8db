import "server-only";
import type { Job, Prisma } from "@/lib/generated/sqlite/client";
import type { Db, DbProvider } from "@/lib/server/db";
import type { Storage } from "@/lib/server/storage";
import type { Upstream } from "@/lib/server/bigmodel/upstream";
import type { StepContext } from "./step-context";

// What a kind of work declares to join the runner (docs/architecture.md, "Adding a job kind"):
// its lanes, its steps, which steps occupy a lane slot, how its money moves, and how an end the
// runner decides (a failed dependency, too many errors) is mirrored onto its subject. Claiming,
// leases, fencing, heartbeats, retries with backoff, the breaker, caps and crash recovery are the
// runner's and are never written again by a kind.

export type Tx = Prisma.TransactionClient;
export type JobRow = Job;

/** Everything a step may use; one per worker process. */
export interface RunnerDeps {
  db: Db;
  provider: DbProvider;
  storage: Storage;
  upstream: () => Promise<Upstream>;
  /** Lease owner (./lease-owner.ts): host, pid, random and pid space, unique per runner. */
  owner: string;
  leaseMs: number;
  /** How much faster than real time the upstream runs (simulator speed); divides backoffs and schedules. */
  timeScale: number;
  breakerProbeMs: number;
  /** Configured slots per video model lane (MODEL_CONCURRENCY; adapted down after refusals). */
  modelCap: number;
  /** Slots of the local media lane (MEDIA_JOB_CONCURRENCY): ffmpeg processes across all workers. */
  mediaCap: number;
  /** Local scratch directory for downloads and ffmpeg outputs (swept at start). */
  scratchDir: string;
}

export interface LaneSpec {
  /** e.g. "vidu:viduq1-text", "media". */
  name: string;
  /** Slots of this lane across every process; read at each claim (it may adapt). */
  cap(deps: RunnerDeps): Promise<number>;
  /** Talks to BigModel: while the account breaker is open only one probe claim per interval goes out. */
  upstream: boolean;
}

/** How a job ended when the runner, not the kind's own step, decided it. */
export interface RunnerEnd {
  status: "FAILED" | "CANCELLED";
  /** dependency_failed | cancelled | worker_error | a code the kind gave to ctx.fail(). */
  code: string;
  message: string;
}

type Step = (ctx: StepContext) => Promise<void>;

export interface JobKind {
  readonly name: string;
  readonly lanes: readonly LaneSpec[];
  readonly steps: Readonly<Record<string, Step>>;
  /** Does a job in this step occupy a slot of its lane (an upstream task in flight, an ffmpeg process)? */
  holdsLane(step: string): boolean;
  /**
   * Mirror an end onto the subject inside the ending transaction (e.g. the take becomes FAILED with
   * the reason). Called for every FAILED or CANCELLED end, whoever decided it.
   */
  ended(tx: Tx, job: JobRow, end: RunnerEnd): Promise<void>;
  /** Money the job holds: charged when the upstream accepts, refunded once on an end without result. */
  readonly ledger?: {
    charge(tx: Tx, job: JobRow): Promise<void>;
    refund(tx: Tx, job: JobRow, reason: string): Promise<void>;
  };
  /** Best-effort cleanup after a FAILED end, outside the transaction (e.g. objects a step stored). */
  afterFail?(deps: RunnerDeps, job: { id: string; subjectId: string }): Promise<void>;
  /** Unexpected step errors in a row before the job ends FAILED(worker_error); default 8. */
  readonly maxFailures?: number;
}
