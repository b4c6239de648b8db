import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Upstream, upstreamClients } from "@/lib/server/bigmodel/upstream";
import { MAX_SUBMIT_ATTEMPTS } from "@/lib/server/jobs/backoff";

import { startFaultProxy, type FaultProxy } from "@/tests/support/worker-fault-proxy";
import { queueTextClips, seedUser, startHarness, waitAllTerminal, type Harness, startHarnessWorker } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";

// Upstream faults (docs/reliability.md, I1–I4): 30 % of upstream requests and result downloads fail
// (5xx, 1305, 1302, resets and junk replies after the simulator processed the request, truncated
// and failed downloads). Every clip must end terminal, the invariants hold, orphans only come from
// creates whose answer was lost after acceptance, and no clip used more than the retry budget.

const SPEED = 200;
let h: Harness;
let proxy: FaultProxy;

beforeAll(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5 });
  proxy = await startFaultProxy(h.sim.url, 0.3);
});
afterAll(async () => {
  await proxy?.close();
  await h?.close();
});

describe("30 % upstream faults", () => {
  it("drives every clip to a terminal state without breaking an invariant", async () => {
    const owner = await seedUser(h.db);
    await queueTextClips(h.db, owner, 15);
    const upstream: Upstream = { ...upstreamClients({ baseUrl: `${proxy.url}/api/paas/v4`, apiKey: h.sim.keys[0] ?? "", requestTimeoutMs: 10_000 }), mode: "simulator", mediaOrigins: [proxy.url] };
    const worker = startHarnessWorker(h, { timeScale: SPEED, upstream: () => Promise.resolve(upstream), concurrency: 4 });
    await waitAllTerminal(h.db, 300_000);
    await worker.stop();
    const stats = h.sim.control.stats();
    const histogram = await checkInvariants({ db: h.db, stats, mediaRoot: path.join(h.dir, "media") });
    const rows = await h.db.generation.findMany({ select: { status: true, attempt: true, errorCode: true } });
    console.log(JSON.stringify({ faultRun: histogram, faults: proxy.counts, ackLostCreates: proxy.ackLostCreates, accepts: stats.totalAccepts, maxAttempt: Math.max(...rows.map((r) => r.attempt)) }));
    expect(histogram.ORPHANED ?? 0).toBeLessThanOrEqual(proxy.ackLostCreates);
    expect((histogram.STORED ?? 0) + (histogram.ORPHANED ?? 0) + (histogram.FAILED ?? 0)).toBe(15);
    for (const r of rows) expect(r.attempt).toBeLessThanOrEqual(MAX_SUBMIT_ATTEMPTS);
    expect(stats.peakInFlight["viduq1-text"] ?? 0).toBeLessThanOrEqual(5);
    expect(stats.rejectedOverCap).toBe(0);
  });
});
