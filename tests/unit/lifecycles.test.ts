import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { fencedJobWrite, LeaseLostError, type Lease } from "@/lib/server/jobs/fence";
import { canJobTransition, IllegalJobTransitionError, isJobTerminal, JOB_STATUSES, type JobStatus } from "@/lib/server/jobs/job-lifecycle";
import {
  canTransition,
  FAILURE_REASONS,
  FAILURE_REASON_CODES,
  GENERATION_STATUSES,
  isTerminal,
  TERMINAL,
  type GenerationStatus,
} from "@/lib/shared/generation-lifecycle";
import { translate } from "@/lib/i18n/translate";

// The two life-cycle tables against reference diagrams written out edge by edge (independently of
// the tables), the closed set of failure reasons, and the fenced job write against a model:
// fc.commands drives claims, fenced moves with current or stale leases, and releases against an
// in-memory job that implements updateMany's WHERE semantics.

const TAKE_EDGES = new Set([
  "QUEUED>SUBMITTING", "QUEUED>CANCELLED", "QUEUED>FAILED",
  "SUBMITTING>SUBMITTING", "SUBMITTING>PROCESSING", "SUBMITTING>QUEUED", "SUBMITTING>REJECTED", "SUBMITTING>ORPHANED", "SUBMITTING>FAILED", "SUBMITTING>HELD",
  "HELD>HELD", "HELD>PROCESSING", "HELD>FAILED",
  "PROCESSING>PROCESSING", "PROCESSING>DOWNLOADING", "PROCESSING>FAILED", "PROCESSING>ORPHANED",
  "DOWNLOADING>DOWNLOADING", "DOWNLOADING>STORED", "DOWNLOADING>EXPIRED", "DOWNLOADING>FAILED",
]);
const TAKE_TERMINALS = new Set(["STORED", "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"]);

const JOB_EDGES = new Set([
  "BLOCKED>QUEUED", "BLOCKED>FAILED", "BLOCKED>CANCELLED",
  "QUEUED>ACTIVE", "QUEUED>CANCELLED", "QUEUED>FAILED",
  "ACTIVE>ACTIVE", "ACTIVE>QUEUED", "ACTIVE>DONE", "ACTIVE>FAILED",
]);
const JOB_TERMINALS = new Set(["DONE", "FAILED", "CANCELLED"]);
const jobAllows = (from: JobStatus, to: JobStatus) => JOB_EDGES.has(`${from}>${to}`);

describe("take life-cycle", () => {
  it("matches the reference diagram for every pair of statuses", () => {
    for (const from of GENERATION_STATUSES) for (const to of GENERATION_STATUSES) expect(canTransition(from, to), `${from}→${to}`).toBe(TAKE_EDGES.has(`${from}>${to}`));
  });
  it("has no way out of a terminal status and no way back to QUEUED after acceptance", () => {
    for (const s of GENERATION_STATUSES) expect(isTerminal(s)).toBe(TAKE_TERMINALS.has(s));
    for (const s of ["PROCESSING", "DOWNLOADING", "STORED"] as const) expect(canTransition(s, "QUEUED")).toBe(false);
  });
  it("has a closed set of reasons, each ending in a terminal status without a video, with both languages", () => {
    for (const code of FAILURE_REASON_CODES) {
      const status: GenerationStatus = FAILURE_REASONS[code].status;
      expect(TERMINAL.includes(status) && (status as string) !== "STORED", code).toBe(true);
      const key = `generation.reason.${code}` as const;
      expect(translate("en", key)).not.toBe(key);
      expect(translate("zh-CN", key)).not.toBe(translate("en", key));
    }
    // Every status a take can end in without a video is reachable through some reason.
    for (const s of ["REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"]) expect(FAILURE_REASON_CODES.some((c) => FAILURE_REASONS[c].status === s), s).toBe(true);
  });
});

describe("job life-cycle", () => {
  it("matches the reference diagram for every pair of statuses", () => {
    for (const from of JOB_STATUSES) for (const to of JOB_STATUSES) expect(canJobTransition(from, to), `${from}→${to}`).toBe(jobAllows(from, to));
    for (const s of JOB_STATUSES) expect(isJobTerminal(s)).toBe(JOB_TERMINALS.has(s));
  });
});

interface Row {
  status: JobStatus;
  leaseOwner: string | null;
  version: number;
}

/** Just enough of Prisma's job.updateMany for fencedJobWrite. */
function fakeDb(row: Row): Db {
  return {
    job: {
      updateMany: async ({ where, data }: { where: Record<string, unknown>; data: Record<string, unknown> }) => {
        const match = where.leaseOwner === row.leaseOwner && where.version === row.version && where.status === row.status;
        if (!match) return { count: 0 };
        row.status = data.status as JobStatus;
        row.version += 1;
        if ("leaseOwner" in data) row.leaseOwner = null;
        return { count: 1 };
      },
    },
  } as unknown as Db;
}

interface Model {
  status: JobStatus;
  owner: string | null;
  version: number;
}
interface Real {
  row: Row;
  db: Db;
  leases: Lease[];
}

class Claim implements fc.AsyncCommand<Model, Real> {
  constructor(readonly owner: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    // What claim.ts does in SQL: only a free QUEUED or ACTIVE job can be taken; a queued one becomes ACTIVE.
    const free = r.row.leaseOwner === null && (r.row.status === "QUEUED" || r.row.status === "ACTIVE");
    expect(free).toBe(m.owner === null && (m.status === "QUEUED" || m.status === "ACTIVE"));
    if (!free) return;
    r.row.leaseOwner = this.owner;
    r.row.status = "ACTIVE";
    r.row.version += 1;
    m.owner = this.owner;
    m.status = "ACTIVE";
    m.version += 1;
    r.leases.push({ id: "j", kind: "k", subjectId: "s", owner: this.owner, version: r.row.version, status: r.row.status, step: "a" });
  }
  toString = () => `Claim(${this.owner})`;
}

class Move implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly to: JobStatus,
    readonly pick: number,
    readonly release: boolean,
  ) {}
  check = (_m: Readonly<Model>) => true;
  async run(m: Model, r: Real) {
    const lease = r.leases[this.pick % Math.max(1, r.leases.length)];
    if (!lease) return;
    const current = lease.owner === m.owner && lease.version === m.version && lease.status === m.status;
    const legal = jobAllows(lease.status, this.to);
    let outcome: "ok" | "lost" | "illegal";
    try {
      const next = await fencedJobWrite(r.db, lease, { status: this.to, inLane: false, release: this.release });
      r.leases.push(next);
      outcome = "ok";
    } catch (e) {
      outcome = e instanceof IllegalJobTransitionError ? "illegal" : e instanceof LeaseLostError ? "lost" : "ok";
      if (outcome === "ok") throw e;
    }
    expect(outcome).toBe(!legal ? "illegal" : current ? "ok" : "lost");
    if (outcome === "ok") {
      m.status = this.to;
      m.version += 1;
      if (this.release) m.owner = null;
    }
    expect(r.row).toEqual({ status: m.status, leaseOwner: m.owner, version: m.version });
  }
  toString = () => `Move(${this.to}, lease#${this.pick}, release=${this.release})`;
}

describe("fenced job writes vs the reference model (fc.commands)", () => {
  it("never applies a stale or illegal write", async () => {
    const commands = [
      fc.constantFrom("a", "b").map((o) => new Claim(o)),
      fc.tuple(fc.constantFrom(...JOB_STATUSES), fc.nat(20), fc.boolean()).map(([to, pick, rel]) => new Move(to, pick, rel)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 50 }), async (cmds) => {
        const row: Row = { status: "QUEUED", leaseOwner: null, version: 0 };
        const model: Model = { status: "QUEUED", owner: null, version: 0 };
        await fc.asyncModelRun(() => ({ model, real: { row, db: fakeDb(row), leases: [] } }), cmds);
      }),
      { numRuns: 200 },
    );
  });
});
