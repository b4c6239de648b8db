import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { resolveHeldTake } from "@/lib/server/generations/held-takes";
import type { CrashLabel } from "@/lib/server/jobs/crash-point";
import type { RepeatRequestIdBehaviour } from "@/lib/shared/upstream/upstream-facts";
import { waitFor } from "@/tests/support/wait-for";
import { queueTextClips, seedUser, startHarness, startHarnessWorker, type Harness } from "@/tests/support/worker-harness";
import { providers } from "@/tests/support/test-db";
import { checkInvariants } from "@/tests/support/worker-invariants";
import { spawnWorker, stopWorker } from "@/tests/support/worker-process";

// The submit strategy under each repeat-request_id behaviour the platform might have (the
// simulator's switch; the stored upstream:check finding, or none = unknown). A create whose answer
// is lost (the connection drops after the accept, or kill -9 between the send and the stored answer)
// is re-sent with the same request_id only when a repeat is known to be refused or deduplicated;
// otherwise the take is HELD (hold kept) until an admin resumes it with the task id or closes it
// (refund). In every case the simulator's ledger shows at most one accept per request_id: 0 double
// charges. docs/reliability.md, "HELD".

const SPEED = 200;
const ENDS = 240_000;
let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Setting = RepeatRequestIdBehaviour | "unknown";

async function harnessFor(setting: Setting, provider: "sqlite" | "postgresql" = "sqlite"): Promise<Harness> {
  // "unknown": the platform may bill a repeat (the worst case), and nothing was measured.
  const harness = await startHarness({ speed: SPEED, concurrency: 5, repeatRequestId: setting === "unknown" ? "accepted" : setting }, provider);
  if (setting === "unknown") await harness.db.setting.deleteMany({ where: { key: "upstream.facts" } });
  return harness;
}

const statusOf = async (db: Db, id: string) => (await db.generation.findUniqueOrThrow({ where: { id } })).status;
const jobsOpen = (db: Db) => db.job.count({ where: { status: { notIn: ["DONE", "FAILED", "CANCELLED"] } } });

/** The task id an operator would find for the take's request_id in the platform's console. */
async function consoleTaskId(harness: Harness, takeId: string): Promise<string> {
  const take = await harness.db.generation.findUniqueOrThrow({ where: { id: takeId } });
  const ids = harness.sim.control.stats().taskIdsByRequestId[take.upstreamRequestId] ?? [];
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

async function admin(db: Db): Promise<string> {
  return (await db.user.create({ data: { email: `admin-${Date.now()}-${Math.random()}@example.test`, role: "ADMIN" } })).id;
}

describe.each(providers())("a create whose answer is lost (in-process worker) on %s", (provider) => {
  it.each<[Setting, string]>([
    ["refused", "ORPHANED"],
    ["same", "STORED"],
    ["accepted", "HELD"],
    ["unknown", "HELD"],
  ])("repeat %s → %s, one accept", async (setting, expected) => {
    h = await harnessFor(setting, provider);
    const owner = await seedUser(h.db);
    const [take] = await queueTextClips(h.db, owner, 1);
    h.sim.control.inject({ type: "ackLost", target: "create", count: 1 });
    const worker = startHarnessWorker(h);
    try {
      await waitFor(`take to reach ${expected}`, async () => (await statusOf(h!.db, take!)) === expected, ENDS, 100);
      if (expected === "HELD") {
        const row = await h.db.generation.findUniqueOrThrow({ where: { id: take! }, include: { ledger: true } });
        expect(row.ledger.map((l) => l.kind)).toEqual(["HOLD"]); // neither charged nor refunded
        expect(await h.db.alert.count({ where: { kind: "generation.held", generationId: take! } })).toBe(1);
        await resolveHeldTake(h.db, { id: await admin(h.db) }, take!, { action: "resume", taskId: await consoleTaskId(h, take!) });
        await waitFor("the resumed take to be stored", async () => (await statusOf(h!.db, take!)) === "STORED", ENDS, 100);
      }
      await waitFor("every job to end", async () => (await jobsOpen(h!.db)) === 0, ENDS, 100);
    } finally {
      await worker.stop();
    }
    const stats = h.sim.control.stats();
    expect(stats.totalAccepts).toBe(1);
    await checkInvariants({ db: h.db, stats, mediaRoot: path.join(h.dir, "media") });
  }, ENDS * 2 + 60_000);

  it("an admin closing a held take refunds it and the upstream task stays unreferenced, still one accept", async () => {
    h = await harnessFor("unknown", provider);
    const owner = await seedUser(h.db);
    const [take] = await queueTextClips(h.db, owner, 1);
    h.sim.control.inject({ type: "ackLost", target: "create", count: 1 });
    const worker = startHarnessWorker(h);
    try {
      await waitFor("take to be held", async () => (await statusOf(h!.db, take!)) === "HELD", ENDS, 100);
      await resolveHeldTake(h.db, { id: await admin(h.db) }, take!, { action: "fail" });
      await expect(resolveHeldTake(h.db, { id: await admin(h.db) }, take!, { action: "fail" })).rejects.toMatchObject({ code: "conflict" });
      await waitFor("every job to end", async () => (await jobsOpen(h!.db)) === 0, ENDS, 100);
    } finally {
      await worker.stop();
    }
    const row = await h.db.generation.findUniqueOrThrow({ where: { id: take! }, include: { ledger: true } });
    expect([row.status, row.errorCode]).toEqual(["FAILED", "unconfirmed"]);
    expect(row.ledger.map((l) => l.kind).sort()).toEqual(["HOLD", "REFUND"]);
    expect(h.sim.control.stats().totalAccepts).toBe(1);
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: path.join(h.dir, "media") });
  }, ENDS + 60_000);
});

describe("kill -9 between the send and the stored answer", () => {
  const LABELS: CrashLabel[] = ["submit.afterSend", "submit.afterResponse"];
  const cases: [Setting, CrashLabel, Record<string, number>][] = [];
  for (const label of LABELS) {
    cases.push(["refused", label, { STORED: 1, ORPHANED: 1 }], ["same", label, { STORED: 2 }], ["accepted", label, { STORED: 2 }]);
  }
  cases.push(["unknown", "submit.afterSend", { STORED: 2 }]);

  it.each(cases)("repeat %s, crash at %s → %j, no double charge", async (setting, label, expected) => {
    h = await harnessFor(setting);
    const harness = h;
    const dataDir = path.join(harness.dir, "data");
    const spawnFor = (extraEnv?: Record<string, string>) =>
      spawnWorker({ databaseUrl: harness.testDb.url, dataDir, sim: harness.sim, timeScale: SPEED, ...(extraEnv ? { extraEnv } : {}) });
    const owner = await seedUser(harness.db);
    const takes = await queueTextClips(harness.db, owner, 2);
    const crashing = spawnFor({ CRASH_AT: label, WORKER_CONCURRENCY: "1", WORKER_UPSTREAM_JOBS: "0" });
    expect(await crashing.exited).toBe("SIGKILL");
    const survivor = spawnFor();
    try {
      if (setting === "accepted" || setting === "unknown") {
        // The interrupted take is HELD, never re-sent; an admin resumes it with the console's task id.
        const held = await waitFor("one take held", async () => (await harness.db.generation.findFirst({ where: { status: "HELD" } }))?.id, ENDS, 100);
        expect(takes).toContain(held);
        expect(harness.sim.control.stats().totalAccepts).toBeLessThanOrEqual(2);
        await resolveHeldTake(harness.db, { id: await admin(harness.db) }, held, { action: "resume", taskId: await consoleTaskId(harness, held) });
      }
      await waitFor("every job to end", async () => (await jobsOpen(harness.db)) === 0, ENDS, 100);
    } finally {
      await stopWorker(survivor);
    }
    const stats = harness.sim.control.stats();
    const histogram = await checkInvariants({ db: harness.db, stats, mediaRoot: path.join(dataDir, "media") });
    // On a mismatch, say how each take ended (status, code, message) and what its job saw.
    const ended = await harness.db.generation.findMany({ select: { id: true, status: true, errorCode: true, errorMessage: true, upstreamTaskId: true } });
    const jobs = await harness.db.job.findMany({ select: { kind: true, subjectId: true, status: true, step: true, failures: true, errorCode: true } });
    expect(histogram, JSON.stringify({ ended, jobs, accepts: stats.acceptsByRequestId })).toEqual(expected);
    expect(Math.max(...Object.values(stats.acceptsByRequestId))).toBe(1);
  }, ENDS * 2 + 60_000);
});
