import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { fencedUpdate, LeaseLostError, type Lease } from "@/lib/server/generations/fenced-update";
import { canTransition, IllegalTransitionError, isTerminalStatus, type Status } from "@/lib/server/generations/state-machine";
import { GENERATION_STATUSES } from "@/lib/shared/generation-view";

// RELIABILITY T-MODEL-1: the state machine and the fenced write against a reference model. The
// reference is RELIABILITY §3.1's diagram written out edge by edge (independently of the table in
// state-machine.ts); fc.commands drives claims, fenced moves with current or stale leases, and
// releases against an in-memory row that implements updateMany's WHERE semantics.

const EDGES = new Set([
  "QUEUED>SUBMITTING", "QUEUED>CANCELLED",
  "SUBMITTING>PROCESSING", "SUBMITTING>QUEUED", "SUBMITTING>REJECTED", "SUBMITTING>ORPHANED", "SUBMITTING>FAILED",
  "PROCESSING>DOWNLOADING", "PROCESSING>FAILED", "PROCESSING>ORPHANED",
  "DOWNLOADING>STORED", "DOWNLOADING>EXPIRED", "DOWNLOADING>FAILED",
]);
const TERMINALS = new Set(["STORED", "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"]);
const refAllows = (from: Status, to: Status) => (from === to ? !TERMINALS.has(from) : EDGES.has(`${from}>${to}`));

describe("state machine table", () => {
  it("matches the reference diagram for every pair of states", () => {
    for (const from of GENERATION_STATUSES) for (const to of GENERATION_STATUSES) expect(canTransition(from, to), `${from}→${to}`).toBe(refAllows(from, to));
  });
  it("has no way out of a terminal state and no way back to QUEUED after acceptance", () => {
    for (const s of GENERATION_STATUSES) expect(isTerminalStatus(s)).toBe(TERMINALS.has(s));
    for (const s of ["PROCESSING", "DOWNLOADING", "STORED"] as const) expect(canTransition(s, "QUEUED")).toBe(false);
  });
});

interface Row {
  status: Status;
  leaseOwner: string | null;
  version: number;
}

/** Just enough of Prisma's generation.updateMany for fencedUpdate. */
function fakeDb(row: Row): Db {
  return {
    generation: {
      updateMany: async ({ where, data }: { where: Record<string, unknown>; data: Record<string, unknown> }) => {
        const match = where.leaseOwner === row.leaseOwner && where.version === row.version && where.status === row.status;
        if (!match) return { count: 0 };
        row.status = data.status as Status;
        row.version += 1;
        if ("leaseOwner" in data) row.leaseOwner = null;
        return { count: 1 };
      },
    },
  } as unknown as Db;
}

interface Model {
  status: Status;
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
    // What claim.ts does in SQL: only a free, non-terminal row can be taken.
    const free = r.row.leaseOwner === null && !TERMINALS.has(r.row.status);
    expect(free).toBe(m.owner === null && !TERMINALS.has(m.status));
    if (!free) return;
    r.row.leaseOwner = this.owner;
    r.row.version += 1;
    m.owner = this.owner;
    m.version += 1;
    r.leases.push({ id: "g", owner: this.owner, version: r.row.version, status: r.row.status });
  }
  toString = () => `Claim(${this.owner})`;
}

class Move implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly to: Status,
    readonly pick: number,
    readonly release: boolean,
  ) {}
  check = (_m: Readonly<Model>) => true;
  async run(m: Model, r: Real) {
    const lease = r.leases[this.pick % Math.max(1, r.leases.length)];
    if (!lease) return;
    const current = lease.owner === m.owner && lease.version === m.version && lease.status === m.status;
    const legal = refAllows(lease.status, this.to);
    let outcome: "ok" | "lost" | "illegal";
    try {
      const next = await fencedUpdate(r.db, lease, this.to, {}, { release: this.release });
      r.leases.push(next);
      outcome = "ok";
    } catch (e) {
      outcome = e instanceof IllegalTransitionError ? "illegal" : e instanceof LeaseLostError ? "lost" : "ok";
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

describe("fenced updates vs the reference model (fc.commands)", () => {
  it("never applies a stale or illegal write", async () => {
    const commands = [
      fc.constantFrom("a", "b").map((o) => new Claim(o)),
      fc.tuple(fc.constantFrom(...GENERATION_STATUSES), fc.nat(20), fc.boolean()).map(([to, pick, rel]) => new Move(to, pick, rel)),
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
