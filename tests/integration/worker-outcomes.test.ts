import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readBreaker } from "@/lib/server/jobs/breaker";
import type { RunningWorker } from "@/lib/server/worker/start-worker";
import { queueTextClips, seedUser, startHarness, waitAllTerminal, type Harness, startHarnessWorker } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";

// The non-happy endings, each with its money and alert: 1301 → REJECTED (+REFUND, reason kept),
// FAIL → FAILED (+REFUND), a dead result URL → EXPIRED (+REFUND, alert), and an account-level 1113
// → breaker open, clips wait QUEUED (not failed, not charged), at most one probe per interval,
// closed by the first accepted create.

const SPEED = 200;
let h: Harness;
let worker: RunningWorker;
let owner: string;

beforeAll(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5 });
  owner = await seedUser(h.db);
  worker = startHarnessWorker(h, { timeScale: SPEED, breakerProbeMs: 1_000 });
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});
beforeEach(() => {
  h.sim.control.set({ noBalance: false, failRate: 0 });
  h.sim.control.clearFaults();
});

const rowOf = (id: string) => h.db.generation.findUniqueOrThrow({ where: { id }, include: { ledger: true } });
const kinds = (r: { ledger: { kind: string }[] }) => r.ledger.map((l) => l.kind).sort();

describe("worker outcomes", () => {
  it("rejects an unsafe prompt with the upstream reason and refunds it", async () => {
    const [id] = await queueTextClips(h.db, owner, 1, "UNSAFE prompt");
    worker.nudge();
    await waitAllTerminal(h.db, 120_000);
    const r = await rowOf(id ?? "");
    expect(r.status).toBe("REJECTED");
    expect(r.errorCode).toBe("unsafe_content");
    expect(r.errorMessage).toMatch(/^1301: /);
    expect(r.errorMessage).toContain("不安全");
    expect(kinds(r)).toEqual(["HOLD", "REFUND"]);
  });

  it("fails a clip the upstream reports as FAIL and refunds it", async () => {
    h.sim.control.set({ failRate: 1 });
    const [id] = await queueTextClips(h.db, owner, 1);
    worker.nudge();
    await waitAllTerminal(h.db, 120_000);
    const r = await rowOf(id ?? "");
    expect(r.status).toBe("FAILED");
    expect(r.errorCode).toBe("upstream_failed");
    expect(kinds(r)).toEqual(["CHARGE", "HOLD", "REFUND"]);
  });

  it("marks a clip EXPIRED when its result URL is dead, with a refund and an alert", async () => {
    h.sim.control.inject({ type: "status", status: 403, target: "file", count: 1 });
    const [id] = await queueTextClips(h.db, owner, 1);
    worker.nudge();
    await waitAllTerminal(h.db, 120_000);
    const r = await rowOf(id ?? "");
    expect(r.status).toBe("EXPIRED");
    expect(kinds(r)).toEqual(["CHARGE", "HOLD", "REFUND"]);
    expect(await h.db.alert.count({ where: { kind: "generation.expired", generationId: r.id } })).toBe(1);
  });

  it("retries an ambiguous create with the same request_id, never re-queues it, and orphans it on 1231", async () => {
    // ackLost: the simulator accepts, then drops the connection; the retry meets a 500; the next one 1231.
    h.sim.control.inject({ type: "ackLost", target: "create", count: 1 });
    h.sim.control.inject({ type: "status", status: 500, target: "create", count: 1 });
    const [id] = await queueTextClips(h.db, owner, 1);
    const seen: string[] = [];
    const watch = setInterval(() => {
      void h.db.generation.findUnique({ where: { id: id ?? "" }, select: { status: true } }).then((r) => {
        if (r && seen.at(-1) !== r.status) seen.push(r.status);
      });
    }, 10);
    worker.nudge();
    await waitAllTerminal(h.db, 150_000);
    clearInterval(watch);
    const r = await rowOf(id ?? "");
    expect(r.status).toBe("ORPHANED");
    expect(r.errorCode).toBe("orphaned");
    expect(r.errorMessage).toMatch(/1231/);
    expect(r.attempt).toBe(3);
    expect(kinds(r)).toEqual(["HOLD", "REFUND"]);
    expect(seen.slice(seen.indexOf("SUBMITTING"))).not.toContain("QUEUED");
    expect(h.sim.control.stats().acceptsByRequestId[r.upstreamRequestId]).toBe(1);
    expect(await h.db.alert.count({ where: { kind: "generation.orphaned", generationId: r.id } })).toBe(1);
  });

  it("opens the breaker on 1113, keeps clips queued with one probe per interval, and recovers", async () => {
    h.sim.control.set({ noBalance: true });
    const refusals = () => h.sim.control.stats().errorsByCode["1113"] ?? 0;
    const ids = await queueTextClips(h.db, owner, 3);
    worker.nudge();
    while (!(await readBreaker(h.db)).open) await new Promise((r) => setTimeout(r, 20));
    expect(await readBreaker(h.db)).toMatchObject({ open: true, code: "1113" });
    await new Promise((r) => setTimeout(r, 300)); // submits already in flight when it opened
    const atOpen = refusals();
    await new Promise((r) => setTimeout(r, 3_000));
    // While open: at most one probe per 1 s interval (across all workers).
    expect(refusals() - atOpen).toBeLessThanOrEqual(3);
    expect(refusals() - atOpen).toBeGreaterThanOrEqual(1);
    const waiting = await h.db.generation.findMany({ where: { id: { in: ids } }, include: { ledger: true } });
    for (const r of waiting) {
      expect(r.status).toBe("QUEUED");
      expect(kinds(r)).toEqual(["HOLD"]);
    }
    expect(await h.db.alert.count({ where: { kind: "upstream.breaker", resolvedAt: null } })).toBe(1);

    h.sim.control.set({ noBalance: false });
    await waitAllTerminal(h.db, 150_000);
    expect(await h.db.generation.count({ where: { id: { in: ids }, status: "STORED" } })).toBe(3);
    expect((await readBreaker(h.db)).open).toBe(false);
    expect(await h.db.alert.count({ where: { kind: "upstream.breaker", resolvedAt: null } })).toBe(0);
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: path.join(h.dir, "media") });
  });
});
