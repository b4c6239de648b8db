import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3WriteCounter, type S3WriteCounter } from "@/tests/support/multi-s3-write-counter";
import { checkS3Objects, postgresUrl, queueVariedClips, rehostedCount, s3WorkerEnv, scaleClips } from "@/tests/support/multi-workers";
import { startS3rver, type S3rverHandle } from "@/tests/support/s3rver";
import { seedUser, startHarness, waitAllTerminal, type Harness } from "@/tests/support/worker-harness";
import { spawnWorker, stopWorker, type WorkerChild } from "@/tests/support/worker-process";

// Issue 7 "several instances": 3 `npm run worker` processes share one PostgreSQL queue, one
// simulator (reached over HTTP like BigModel; cap 5 per model, fast) and one S3 store (s3rver
// behind a write counter). Oracle: every upstream task created exactly once (accept ledger), peak
// in-flight ≤ cap, no two polls of one task at the same time, each object written exactly once and
// matching its Asset row, the ledger reconciles (CHARGE = accepts, no REFUND), every clip STORED.
// CI runs 60 clips (the per-clip ffprobe/poster/preview work dominates on 2 cores); SCALE_CLIPS=200
// gives the full run whose figures docs/deploy.md records.

const PG = postgresUrl();
const WORKERS = 3;
const CAP = 5;
const SPEED = 1_000;
const CLIPS = scaleClips(60);
const BUCKET = "framehouse-scale";

let h: Harness;
let s3: S3rverHandle;
let counter: S3WriteCounter;
const workers: WorkerChild[] = [];

describe.skipIf(!PG)(`${WORKERS} worker processes × ${CLIPS} clips on PostgreSQL + S3`, () => {
  beforeAll(async () => {
    h = await startHarness({ speed: SPEED, concurrency: CAP }, "postgresql");
    s3 = await startS3rver(BUCKET);
    counter = await startS3WriteCounter(s3.endpoint, BUCKET);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w)));
    await counter?.close();
    await s3?.stop();
    await h?.close();
  });

  it("creates each task once, respects the cap, never double-polls, writes each object once", { timeout: 30 * 60_000 }, async () => {
    const owner = await seedUser(h.db);
    await queueVariedClips(h.db, owner, CLIPS);
    const started = Date.now();
    for (let i = 0; i < WORKERS; i++) {
      workers.push(
        spawnWorker({
          databaseUrl: h.testDb.url,
          dataDir: path.join(h.dir, `worker-${i}`),
          sim: h.sim,
          timeScale: SPEED,
          extraEnv: { ...s3WorkerEnv(counter.endpoint, BUCKET, CAP), LOG_LEVEL: "info", WORKER_LEASE_MS: "5000" },
        }),
      );
    }
    // A deadline for a hang, not a time budget: at load 20 on 2 cores the 120 posters and previews
    // alone outlasted 10 minutes, so the bound is 20 (the test allows 30).
    await waitAllTerminal(h.db, Math.max(20 * 60_000, CLIPS * 20_000));
    const wallMs = Date.now() - started;
    await Promise.all(workers.map((w) => stopWorker(w)));

    // What went wrong inside the workers, if anything (warnings and errors only).
    for (const [i, w] of workers.entries()) {
      const problems = w.output().split("\n").filter((l) => /"level":"(warn|error)"/.test(l));
      if (problems.length) console.info(`[scale] worker ${i}: ${problems.length} warnings/errors\n${problems.slice(0, 20).map((l) => l.slice(0, 600)).join("\n")}`);
    }
    const stats = h.sim.control.stats();
    const rows = await h.db.generation.groupBy({ by: ["status"], _count: { _all: true } });
    expect(Object.fromEntries(rows.map((r) => [r.status, r._count._all]))).toEqual({ STORED: CLIPS });
    expect(Object.values(stats.acceptsByRequestId).every((n) => n === 1)).toBe(true);
    expect(Object.keys(stats.acceptsByRequestId)).toHaveLength(CLIPS);
    expect(stats.totalAccepts).toBe(CLIPS);
    // I2: every accepted request_id is a row that knows its upstream task.
    const known = await h.db.generation.findMany({ where: { upstreamTaskId: { not: null } }, select: { upstreamRequestId: true } });
    expect(known.map((r) => r.upstreamRequestId).sort()).toEqual(Object.keys(stats.acceptsByRequestId).sort());
    expect(stats.peakInFlight["viduq1-text"] ?? 0).toBeLessThanOrEqual(CAP);
    expect(stats.rejectedOverCap).toBe(0);
    expect(stats.overlappingPollsTotal).toBe(0);

    const ledger = await h.db.ledgerEntry.groupBy({ by: ["kind"], _count: { _all: true } });
    const byKind = Object.fromEntries(ledger.map((l) => [l.kind, l._count._all]));
    expect(byKind).toEqual({ HOLD: CLIPS, CHARGE: CLIPS });

    const objectsWritten = await checkS3Objects({ db: h.db, client: s3.client(), bucket: BUCKET, counter });
    expect(objectsWritten).toBe(CLIPS * 4);

    // No temp leftovers: every worker's scratch directory (downloads, ffmpeg outputs) is empty.
    for (let i = 0; i < WORKERS; i++) {
      const scratch = path.join(h.dir, `worker-${i}`, "worker-tmp");
      expect(fs.existsSync(scratch) ? fs.readdirSync(scratch) : [], scratch).toEqual([]);
    }
    const perWorker = workers.map((w) => rehostedCount(w.output()));
    expect(perWorker.reduce((s, n) => s + n, 0)).toBe(CLIPS);
    console.info(
      `[scale] ${JSON.stringify({
        clips: CLIPS,
        workers: WORKERS,
        wallSeconds: +(wallMs / 1000).toFixed(1),
        clipsPerMinute: +((CLIPS * 60_000) / wallMs).toFixed(1),
        perWorker,
        accepts: stats.totalAccepts,
        maxAcceptsPerRequestId: Math.max(...Object.values(stats.acceptsByRequestId)),
        peakInFlight: stats.peakInFlight,
        rejectedOverCap: stats.rejectedOverCap,
        overlappingPolls: stats.overlappingPollsTotal,
        polls: stats.requests.query,
        objectsWritten,
        ledger: byKind,
      })}`,
    );
  });
});
