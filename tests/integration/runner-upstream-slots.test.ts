import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import type { JobKind, RunnerDeps } from "@/lib/server/jobs/job-kind";
import { type RunningWorker, startRunner } from "@/lib/server/jobs/runner";
import { createLocalStorage } from "@/lib/server/storage";
import { tempDir } from "@/tests/support/simulator-fixtures";
import { createTestDb, providers, type TestDb } from "@/tests/support/test-db";
import { waitFor } from "@/tests/support/wait-for";

// A job waiting on the platform in its upstream lane's slot (a still, speech or chat answer) does
// not take one of the runner's `concurrency` slots: with concurrency 1, an upstream lane of cap 3
// fills to 3 while the one local slot runs local work, and neither goes past its bound. Before,
// the 1 slot was all there was: one call in flight, and local work waited behind it.

const UPSTREAM_CAP = 3;

/** A kind whose one step is held open until the test lets it finish, counting how many are inside. */
function gatedKind(name: string, lane: { name: string; upstream: boolean; cap: number }) {
  let inside = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const kind: JobKind = {
    name,
    lanes: [{ name: lane.name, upstream: lane.upstream, cap: () => Promise.resolve(lane.cap) }],
    holdsLane: (step) => step === "run",
    steps: {
      run: async (ctx) => {
        inside++;
        peak = Math.max(peak, inside);
        // Also ends on the runner's abort, so a stop after a failed wait never hangs on it.
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          ctx.signal.addEventListener("abort", () => resolve());
        });
        inside--;
        if (ctx.signal.aborted) throw new Error("aborted");
        await ctx.done();
      },
    },
    ended: () => Promise.resolve(),
  };
  return {
    kind,
    inside: () => inside,
    peak: () => peak,
    releaseAll: () => waiting.splice(0).forEach((r) => r()),
  };
}

function depsOf(t: TestDb): RunnerDeps {
  const dir = tempDir("runner-slots");
  return {
    db: t.client,
    provider: t.name,
    storage: createLocalStorage(path.join(dir, "media")),
    upstream: () => Promise.reject(new Error("no upstream in this test")),
    owner: `runner-slots-${randomUUID()}`,
    leaseMs: 30_000,
    timeScale: 1,
    breakerProbeMs: 60_000,
    modelCap: UPSTREAM_CAP,
    mediaCap: 1,
    scratchDir: path.join(dir, "scratch"),
  };
}

describe.each(providers())("runner slots on %s", (provider) => {
  let t: TestDb | undefined;
  let runner: RunningWorker | undefined;
  afterEach(async () => {
    await runner?.stop(2_000);
    await t?.drop();
    runner = undefined;
    t = undefined;
  });

  it("fills an upstream lane to its cap beside local work, each within its own bound", async () => {
    t = await createTestDb(provider);
    const db = t.client;
    const calls = gatedKind("test-call", { name: "test:upstream", upstream: true, cap: UPSTREAM_CAP });
    const local = gatedKind("test-local", { name: "test:local", upstream: false, cap: 10 });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await enqueueJob(tx, { kind: "test-call", subjectId: randomUUID(), lane: "test:upstream", step: "run" });
      for (let i = 0; i < 3; i++) await enqueueJob(tx, { kind: "test-local", subjectId: randomUUID(), lane: "test:local", step: "run" });
    });
    runner = startRunner({ deps: depsOf(t), kinds: [calls.kind, local.kind], concurrency: 1, upstreamSlots: 64, idlePollMs: 50 });

    await waitFor("the upstream lane at its cap and one local job", async () => calls.inside() === UPSTREAM_CAP && local.inside() === 1, 30_000);
    // More polls and nudges change nothing: both are at their bounds.
    for (let i = 0; i < 5; i++) runner.nudge();
    await waitFor("the runner to settle", async () => (await db.job.count({ where: { status: "ACTIVE" } })) === UPSTREAM_CAP + 1, 10_000);
    expect([calls.inside(), local.inside(), runner.activeCount()]).toEqual([UPSTREAM_CAP, 1, UPSTREAM_CAP + 1]);

    const done = () => db.job.count({ where: { status: "DONE" } });
    await waitFor("every job done", async () => {
      calls.releaseAll();
      local.releaseAll();
      return (await done()) === 8;
    }, 30_000);
    expect(calls.peak()).toBe(UPSTREAM_CAP);
    expect(local.peak()).toBe(1);
  });

  it("with no upstream slots, upstream jobs count against concurrency: one job at a time", async () => {
    t = await createTestDb(provider);
    const db = t.client;
    const calls = gatedKind("test-call", { name: "test:upstream", upstream: true, cap: UPSTREAM_CAP });
    const local = gatedKind("test-local", { name: "test:local", upstream: false, cap: 10 });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await enqueueJob(tx, { kind: "test-call", subjectId: randomUUID(), lane: "test:upstream", step: "run" });
      await enqueueJob(tx, { kind: "test-local", subjectId: randomUUID(), lane: "test:local", step: "run" });
    });
    runner = startRunner({ deps: depsOf(t), kinds: [calls.kind, local.kind], concurrency: 1, upstreamSlots: 0, idlePollMs: 50 });
    await waitFor("every job done, one at a time", async () => {
      expect(calls.inside() + local.inside()).toBeLessThanOrEqual(1);
      calls.releaseAll();
      local.releaseAll();
      return (await db.job.count({ where: { status: "DONE" } })) === 4;
    }, 30_000, 20);
    expect([calls.peak(), local.peak()]).toEqual([1, 1]);
  });

  it("a slot freed while the runner is claiming is taken at once, not at the next idle poll", async () => {
    t = await createTestDb(provider);
    const db = t.client;
    // One slot; the second job must follow the first as soon as it ends.
    const calls = gatedKind("test-call", { name: "test:upstream", upstream: true, cap: 1 });
    const started: number[] = [];
    const tracked: JobKind = { ...calls.kind, steps: {
        run: (ctx) => {
          started.push(Date.now());
          return calls.kind.steps.run!(ctx);
        },
      },
    };
    // The other lane's cap is read during the claiming pass after the upstream lane was found full:
    // the first job ends right then, so its "slot free" poke lands while the runner is still claiming.
    let passes = 0;
    const other: JobKind = {
      ...gatedKind("test-other", { name: "test:other", upstream: false, cap: 1 }).kind,
      lanes: [
        {
          name: "test:other",
          upstream: false,
          cap: async () => {
            if (++passes === 2 && calls.inside() === 1) {
              calls.releaseAll();
              await waitFor("the first job to end", async () => (await db.job.count({ where: { status: "DONE" } })) === 1, 10_000, 5);
            }
            return 1;
          },
        },
      ],
    };
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 2; i++) await enqueueJob(tx, { kind: "test-call", subjectId: randomUUID(), lane: "test:upstream", step: "run" });
    });
    // An idle poll far beyond the deadline below: only the poke can start the second job in time.
    runner = startRunner({ deps: depsOf(t), kinds: [tracked, other], concurrency: 4, upstreamSlots: 64, idlePollMs: 120_000 });
    await waitFor("the second job to start", async () => started.length === 2, 20_000);
    expect(passes).toBeGreaterThanOrEqual(2);
    calls.releaseAll();
    await waitFor("both jobs done", async () => (await db.job.count({ where: { status: "DONE" } })) === 2, 10_000);
  });
});
