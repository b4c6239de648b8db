import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrashLabel } from "@/lib/server/worker/crash-point";
import { queueTextClips, seedUser, startHarness, waitAllTerminal, type Harness } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";
import { spawnWorker, stopWorker } from "@/tests/support/worker-process";

// RELIABILITY T-CRASH-1/2 on SQLite: the worker runs as a real child process and is SIGKILLed
// (deterministically at labelled points via CRASH_AT, and at random moments), then restarted.
// Afterwards every clip is terminal, the simulator accepted exactly one create per request_id
// (I1), money adds up (I3) and storage matches the database (I5). ORPHANED is allowed only where
// the kill hit the ack-lost window (accepted upstream, task id not yet stored).

const SPEED = 200;
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5 });
});
afterEach(async () => {
  await h?.close();
});

const dataDir = () => path.join(h.dir, "data");
const mediaRoot = () => path.join(dataDir(), "media");
const spawnFor = (extraEnv?: Record<string, string>) =>
  spawnWorker({ databaseUrl: h.testDb.url, dataDir: dataDir(), sim: h.sim, timeScale: SPEED, ...(extraEnv ? { extraEnv } : {}) });

const ACK_LOST: CrashLabel[] = ["submit.afterSend", "submit.afterResponse"];
const LABELS: CrashLabel[] = ["submit.beforeSend", ...ACK_LOST, "poll.afterSuccess", "download.afterTemp", "download.beforeStored"];

describe("deterministic crash points", () => {
  it.each(LABELS)("recovers after SIGKILL at %s", async (label) => {
    const owner = await seedUser(h.db);
    await queueTextClips(h.db, owner, 2);
    const crashing = spawnFor({ CRASH_AT: label, WORKER_CONCURRENCY: "1" });
    expect(await crashing.exited).toBe("SIGKILL");
    const survivor = spawnFor();
    await waitAllTerminal(h.db, 60_000);
    await stopWorker(survivor);
    const rows = await h.db.generation.findMany({ select: { status: true, errorCode: true, errorMessage: true, attempt: true } });
    if (rows.some((r) => r.status !== "STORED")) console.log(label, JSON.stringify(rows), crashing.output(), survivor.output());
    const histogram = await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
    expect(histogram).toEqual(ACK_LOST.includes(label) ? { STORED: 1, ORPHANED: 1 } : { STORED: 2 });
    const alerts = await h.db.alert.count({ where: { kind: "generation.orphaned" } });
    expect(alerts).toBe(ACK_LOST.includes(label) ? 1 : 0);
  });
});

describe("random kill -9", () => {
  it("keeps every invariant across 3 kills during 20 clips", async () => {
    const owner = await seedUser(h.db);
    await queueTextClips(h.db, owner, 20);
    for (let kill = 0; kill < 3; kill++) {
      const w = spawnFor();
      await new Promise((r) => setTimeout(r, 1_500 + Math.random() * 2_500));
      w.child.kill("SIGKILL");
      expect(await w.exited).toBe("SIGKILL");
    }
    const last = spawnFor();
    await waitAllTerminal(h.db, 120_000);
    await stopWorker(last);
    const stats = h.sim.control.stats();
    const histogram = await checkInvariants({ db: h.db, stats, mediaRoot: mediaRoot() });
    console.log(JSON.stringify({ randomKills: histogram, accepts: stats.totalAccepts, peakInFlight: stats.peakInFlight }));
    expect((histogram.STORED ?? 0) + (histogram.ORPHANED ?? 0)).toBe(20);
    expect(histogram.ORPHANED ?? 0).toBeLessThanOrEqual(3);
    expect(stats.peakInFlight["viduq1-text"]).toBeLessThanOrEqual(5);
  });
});

describe("zombie worker (RELIABILITY F-12)", () => {
  it("refuses the writes of a worker that was SIGSTOPped past its lease and then woke up", async () => {
    const owner = await seedUser(h.db);
    await queueTextClips(h.db, owner, 6);
    const zombie = spawnFor();
    await new Promise((r) => setTimeout(r, 2_500));
    zombie.child.kill("SIGSTOP");
    const healthy = spawnFor();
    await waitAllTerminal(h.db, 90_000);
    const before = await h.db.generation.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true, sha256: true } });
    zombie.child.kill("SIGCONT");
    await new Promise((r) => setTimeout(r, 2_000));
    const after = await h.db.generation.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true, sha256: true } });
    expect(after).toEqual(before); // nothing the zombie tried after waking was applied
    await Promise.all([stopWorker(zombie), stopWorker(healthy)]);
    const histogram = await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
    expect((histogram.STORED ?? 0) + (histogram.ORPHANED ?? 0)).toBe(6);
  });
});

