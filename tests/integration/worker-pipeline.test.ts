import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { queueTextClips, seedUser, startHarness, waitAllTerminal, type Harness, startHarnessWorker } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";
import { providers } from "@/tests/support/test-db";

// Issue 4 "Integration": 12 clips with cap 5 → the simulator never sees more than 5 in flight and
// every clip ends STORED with its media on disk; ledger 12 HOLD / 12 CHARGE / 0 REFUND; exactly one
// accepted create per request_id. Two workers share the queue, as `npm start` + `npm run worker`
// would. On PostgreSQL (TEST_POSTGRES_URL) a shorter run of 4 clips checks the same pipeline.

const SPEED = 200;

describe.each(providers())("worker pipeline on %s", (provider) => {
  const clips = provider === "sqlite" ? 12 : 4;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ speed: SPEED, concurrency: 5 }, provider);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`stores ${clips} clips without exceeding the cap of 5`, async () => {
    const owner = await seedUser(h.db);
    const ids = await queueTextClips(h.db, owner, clips);
    const started = Date.now();
    const workers = [0, 1].map(() =>
      startHarnessWorker(h, { timeScale: SPEED, leaseMs: 5_000, provider }),
    );
    await waitAllTerminal(h.db, 150_000);
    await Promise.all(workers.map((w) => w.stop()));
    const stats = h.sim.control.stats();
    const histogram = await checkInvariants({ db: h.db, stats, mediaRoot: path.join(h.dir, "media") });
    expect(histogram).toEqual({ STORED: clips });
    expect(stats.totalAccepts).toBe(clips);
    expect(Object.keys(stats.acceptsByRequestId)).toHaveLength(clips);
    expect(stats.peakInFlight["viduq1-text"]).toBeLessThanOrEqual(5);
    expect(stats.rejectedOverCap).toBe(0);
    expect(stats.overlappingPollsTotal).toBe(0);

    const rows = await h.db.generation.findMany({ where: { id: { in: ids } } });
    const ledger = await h.db.ledgerEntry.groupBy({ by: ["kind"], _count: true });
    expect(Object.fromEntries(ledger.map((l) => [l.kind, l._count]))).toEqual({ HOLD: clips, CHARGE: clips });
    const polls = rows.map((r) => r.pollCount);
    const toStored = rows.map((r) => (r.finishedAt?.getTime() ?? 0) - (r.successSeenAt?.getTime() ?? 0)).sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        provider,
        wallMs: Date.now() - started,
        peakInFlight: stats.peakInFlight,
        pollsPerClip: polls.reduce((a, b) => a + b, 0) / polls.length,
        successToStoredMs: { median: toStored[Math.floor(toStored.length / 2)], max: toStored.at(-1) },
      }),
    );
  });
});
