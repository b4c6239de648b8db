import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { enqueueLastFrameJob } from "@/lib/server/frames/last-frame-job";
import { DERIVATIVES_JOB } from "@/lib/server/generations/derivatives/derivatives-job";
import type { CrashLabel } from "@/lib/server/jobs/crash-point";
import { checkFrameInvariants } from "@/tests/support/frame-invariants";
import { waitFor } from "@/tests/support/wait-for";
import { queueTextClips, seedUser, startHarness, waitAllTerminal, type Harness } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";
import { spawnWorker, stopWorker } from "@/tests/support/worker-process";

// kill -9 on SQLite, for every job kind: the worker runs as a real child process and is SIGKILLed
// (deterministically at every labelled crash point of the video, clip-derivatives and last-frame job, and at
// moments chosen by progress, not by the clock), then restarted. Afterwards every job has ended,
// the simulator accepted exactly one create per request_id, money adds up, storage matches the
// database, and every last frame is stored exactly once. ORPHANED is allowed only where the kill hit
// the ack-lost window (accepted upstream, task id not yet stored). docs/reliability.md lists these.
//
// No step waits on a fixed time: each waits on a condition with a deadline generous enough for a
// loaded two-core machine (the suite is run under background CPU load to prove it), and each test
// has its own timeout above the sum of its deadlines.

const SPEED = 200;
const ENDS = 240_000;
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

/** Text takes, each with its last-frame job waiting for it: both kinds run in every test. */
async function queueTakesWithFrames(db: Db, owner: string, n: number): Promise<string[]> {
  const takes = await queueTextClips(db, owner, n);
  for (const id of takes) {
    const video = await db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "video", subjectId: id } } });
    await db.$transaction((tx) => enqueueLastFrameJob(tx, id, [video.id]));
  }
  return takes;
}

/** The process's state letter from /proc (T: stopped). */
function processState(pid: number): string {
  // "pid (comm) S …": the state follows the last ")" (comm may hold spaces or parentheses).
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
}

async function waitAllJobsEnded(db: Db, timeoutMs: number): Promise<void> {
  await waitFor("every job to end", async () => (await db.job.count({ where: { status: { notIn: ["DONE", "FAILED", "CANCELLED"] } } })) === 0, timeoutMs, 100);
}

/** The committed posters' objects, each with its inode and mtime: a re-made poster is a new file (temp → rename). */
async function posterFiles(db: Db): Promise<Map<string, string>> {
  const rows = await db.asset.findMany({ where: { kind: "POSTER" }, select: { storageKey: true } });
  return new Map(
    rows.map((r) => {
      const st = fs.statSync(path.join(mediaRoot(), ...r.storageKey.split("/")));
      return [r.storageKey, `${st.ino}:${st.mtimeMs}`];
    }),
  );
}

/** A number that only grows while the worker makes progress: job transitions (versions) summed. */
async function progress(db: Db): Promise<number> {
  const r = await db.job.aggregate({ _sum: { version: true } });
  return r._sum.version ?? 0;
}

const ACK_LOST: CrashLabel[] = ["submit.afterSend", "submit.afterResponse"];
const VIDEO_LABELS: CrashLabel[] = ["submit.beforeSend", ...ACK_LOST, "poll.afterSuccess", "download.afterTemp", "download.beforeStored"];
const FRAME_LABELS: CrashLabel[] = ["frame.afterExtract", "frame.afterStore"];
const DERIVE_LABELS: CrashLabel[] = ["derive.afterPoster", "derive.afterPosterStore", "derive.afterPreview", "derive.afterPreviewStore"];

describe("deterministic crash points", () => {
  it.each([...VIDEO_LABELS, ...FRAME_LABELS, ...DERIVE_LABELS])(
    "recovers after SIGKILL at %s",
    async (label) => {
      const owner = await seedUser(h.db);
      await queueTakesWithFrames(h.db, owner, 2);
      const crashing = spawnFor({ CRASH_AT: label, WORKER_CONCURRENCY: "1", WORKER_UPSTREAM_JOBS: "0" });
      expect(await crashing.exited).toBe("SIGKILL");
      const postersBefore = await posterFiles(h.db);
      const survivor = spawnFor();
      await waitAllJobsEnded(h.db, ENDS);
      await stopWorker(survivor);
      if (label.startsWith("derive.afterPreview")) {
        // The poster committed before the kill is not made again: the job resumes at its preview step.
        expect(postersBefore.size).toBeGreaterThan(0);
        const after = await posterFiles(h.db);
        for (const [key, stamp] of postersBefore) expect(after.get(key), key).toBe(stamp);
      }
      const histogram = await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
      const frames = await checkFrameInvariants(h.db, mediaRoot());
      if (ACK_LOST.includes(label)) {
        expect(histogram).toEqual({ STORED: 1, ORPHANED: 1 });
        expect(frames).toEqual({ DONE: 1, FAILED: 1 }); // the orphaned take's frame can never exist
        expect(await h.db.job.count({ where: { kind: "last-frame", status: "FAILED", errorCode: "dependency_failed" } })).toBe(1);
      } else {
        expect(histogram).toEqual({ STORED: 2 });
        expect(frames).toEqual({ DONE: 2 });
      }
      // Every STORED take got its poster and preview (the oracle checked the objects against the rows).
      expect(await h.db.job.count({ where: { kind: DERIVATIVES_JOB, status: "DONE" } })).toBe(histogram.STORED);
      expect(await h.db.job.count({ where: { kind: DERIVATIVES_JOB } })).toBe(histogram.STORED);
      expect(await h.db.alert.count({ where: { kind: "generation.orphaned" } })).toBe(ACK_LOST.includes(label) ? 1 : 0);
    },
    ENDS + 60_000,
  );
});

describe("a killed runner's leases", () => {
  it(
    "are taken at once by the next runner on this machine, not when they run out",
    async () => {
      const owner = await seedUser(h.db);
      await queueTakesWithFrames(h.db, owner, 2);
      // Leases far longer than the deadline below: the survivor finishes in time only by taking them early.
      const LONG_LEASE = { WORKER_LEASE_MS: String(30 * 60_000) };
      const crashing = spawnFor({ ...LONG_LEASE, CRASH_AT: "poll.afterSuccess", WORKER_CONCURRENCY: "1", WORKER_UPSTREAM_JOBS: "0" });
      expect(await crashing.exited).toBe("SIGKILL");
      const heldLong = { status: "ACTIVE", leaseOwner: { contains: `:${crashing.child.pid}:` }, leaseUntil: { gt: new Date(Date.now() + 10 * 60_000) } } as const;
      expect(await h.db.job.count({ where: heldLong })).toBe(1);
      const survivor = spawnFor(LONG_LEASE);
      await waitAllJobsEnded(h.db, ENDS);
      await stopWorker(survivor);
      expect(survivor.output()).toContain("jobs.gone_owner_leases_expired");
      expect(await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() })).toEqual({ STORED: 2 });
      expect(await checkFrameInvariants(h.db, mediaRoot())).toEqual({ DONE: 2 });
    },
    ENDS + 60_000,
  );
});

describe("random kill -9", () => {
  it(
    "keeps every invariant across 3 kills during 20 takes and their frames",
    async () => {
      const owner = await seedUser(h.db);
      await queueTakesWithFrames(h.db, owner, 20);
      for (let kill = 0; kill < 3; kill++) {
        // Kill after a random amount of real progress (job transitions), never after a fixed time.
        const before = await progress(h.db);
        const steps = 3 + Math.floor(Math.random() * 12);
        const w = spawnFor();
        await waitFor(`${steps} job transitions before kill ${kill + 1}`, async () => (await progress(h.db)) >= before + steps, 120_000);
        w.child.kill("SIGKILL");
        expect(await w.exited).toBe("SIGKILL");
      }
      const last = spawnFor();
      await waitAllJobsEnded(h.db, ENDS);
      await waitAllTerminal(h.db, 10_000);
      await stopWorker(last);
      const stats = h.sim.control.stats();
      const histogram = await checkInvariants({ db: h.db, stats, mediaRoot: mediaRoot() });
      const frames = await checkFrameInvariants(h.db, mediaRoot());
      console.log(JSON.stringify({ randomKills: histogram, frames, accepts: stats.totalAccepts, peakInFlight: stats.peakInFlight }));
      expect((histogram.STORED ?? 0) + (histogram.ORPHANED ?? 0)).toBe(20);
      // A kill orphans at most the creates that were between "sent" and "answer stored" at that
      // moment: at most one per running job (4 per worker). Each orphan is an accepted create the
      // oracle above matched to its refunded take.
      expect(histogram.ORPHANED ?? 0).toBeLessThanOrEqual(3 * 4);
      expect(frames.DONE).toBe(histogram.STORED);
      expect(stats.peakInFlight["viduq1-text"]).toBeLessThanOrEqual(5);
    },
    3 * 120_000 + ENDS + 60_000,
  );
});

describe("zombie worker", () => {
  it(
    "refuses the writes of a worker that was SIGSTOPped past its lease and then woke up",
    async () => {
      const owner = await seedUser(h.db);
      await queueTakesWithFrames(h.db, owner, 6);
      // It freezes itself (SIGSTOP) between two steps of a take, holding that job's lease: a kill -STOP
      // at an arbitrary moment could land inside a fenced write, and a frozen holder of SQLite's write
      // lock would stop the healthy worker's writes too (crash-point.ts). One job at a time, none waiting
      // on the upstream beside it, so no other step of the zombie is mid-write when it stops.
      const zombie = spawnFor({ FREEZE_AT: "poll.afterSuccess", WORKER_CONCURRENCY: "1", WORKER_UPSTREAM_JOBS: "0" });
      const zombieOwner = `:${zombie.child.pid}:`;
      await waitFor("the zombie to freeze itself", () => Promise.resolve(processState(zombie.child.pid!) === "T"), 120_000);
      expect(await h.db.job.count({ where: { leaseOwner: { contains: zombieOwner }, status: "ACTIVE" } })).toBeGreaterThan(0);
      const healthy = spawnFor();
      await waitAllJobsEnded(h.db, ENDS);
      const snapshot = async () => ({
        takes: await h.db.generation.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, sha256: true, updatedAt: true } }),
        jobs: await h.db.job.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true, result: true } }),
        ledger: await h.db.ledgerEntry.count(),
      });
      const before = await snapshot();
      // Wake it and let it finish whatever it was doing, then stop it: its whole remaining life is observed.
      zombie.child.kill("SIGCONT");
      expect(await stopWorker(zombie)).not.toBe("SIGKILL");
      expect(await snapshot()).toEqual(before); // nothing the zombie tried after waking was applied
      await stopWorker(healthy);
      const histogram = await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
      expect((histogram.STORED ?? 0) + (histogram.ORPHANED ?? 0)).toBe(6);
      await checkFrameInvariants(h.db, mediaRoot());
    },
    120_000 + ENDS + 60_000,
  );
});
