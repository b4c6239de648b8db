import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { anyClaimable, claimActive, claimQueued, type ClaimOptions } from "@/lib/server/jobs/claim";
import { fencedJobWrite, LeaseLostError } from "@/lib/server/jobs/fence";
import { IllegalJobTransitionError } from "@/lib/server/jobs/job-lifecycle";
import { releaseLease, renewLease } from "@/lib/server/jobs/lease";
import { queueTextClips, seedUser } from "@/tests/support/worker-harness";
import { createTestDb, providers, type TestDb } from "@/tests/support/test-db";
import { waitFor } from "@/tests/support/wait-for";

// The claim is the lane cap's only guard (docs/reliability.md, "Cap respected"): many claimers on
// separate connections (separate clients = separate "processes") race for 20 queued video jobs with
// cap 5 and exactly 5 win. Leases use the DB clock, expired ones are reclaimable, and fenced writes from a
// stale lease or an illegal transition are refused. Runs on SQLite, and on PostgreSQL when
// TEST_POSTGRES_URL is set.

const TEXT = "vidu:viduq1-text";

describe.each(providers())("claim on %s", (provider) => {
  const opts = (owner: string, leaseMs: number): ClaimOptions => ({ owner, leaseMs, provider, kinds: ["video"] });
  let t: TestDb;
  let others: Db[];
  beforeAll(async () => {
    t = await createTestDb(provider);
    others = Array.from({ length: 4 }, () => createDb(t.url));
  });
  afterAll(async () => {
    await Promise.all(others.map((o) => o.$disconnect()));
    await t.drop();
  });

  it("admits exactly `cap` concurrent claimers per model across connections", async () => {
    const owner = await seedUser(t.client);
    await queueTextClips(t.client, owner, 20);
    const clients = [t.client, ...others];
    const attempts = Array.from({ length: 30 }, (_, i) =>
      claimQueued(clients[i % clients.length] as Db, TEXT, 5, opts(`w${i}-${randomUUID()}`, 30_000)),
    );
    const won = (await Promise.all(attempts)).filter((c) => c !== null);
    expect(won).toHaveLength(5);
    expect(new Set(won.map((c) => c.lease.id)).size).toBe(5);
    expect(await t.client.job.count({ where: { status: "ACTIVE", inLane: true, lane: TEXT } })).toBe(5);
    // Another model has its own lane (and nothing queued in it); a runner without the kind claims nothing.
    expect(await claimQueued(t.client, "vidu:viduq1-image", 5, opts("x", 30_000))).toBeNull();
    expect(await claimQueued(t.client, TEXT, 100, { ...opts("x", 30_000), kinds: ["last-frame"] })).toBeNull();
  });

  it("reclaims expired leases only, renews with the DB clock, and fences stale writers", async () => {
    // 15 jobs are still QUEUED from the test above and 5 are ACTIVE under 30 s leases.
    const first = await claimQueued(t.client, TEXT, 100, opts("a", 400));
    expect(first).not.toBeNull();
    if (!first) return;
    expect(Math.abs(first.dbNow.getTime() - Date.now())).toBeLessThan(5_000);
    // Held: nobody else can take it.
    expect(await claimActive(others[0] as Db, opts("b", 30_000))).toBeNull();
    expect(await renewLease(t.client, first.lease, 400, provider)).toBe(true);
    // Once the renewed 400 ms lease has run out (database clock), another runner takes the job.
    const second = await waitFor("the renewed lease to run out", () => claimActive(others[0] as Db, opts("b", 30_000)), 30_000);
    expect(second?.lease.id).toBe(first.lease.id);
    expect(second?.lease.version).toBe(first.lease.version + 1);
    // The zombie's writes are refused by the fence; its renewals and releases are no-ops.
    await expect(fencedJobWrite(t.client, first.lease, { status: "ACTIVE", step: "poll", inLane: true, release: false })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await renewLease(t.client, first.lease, 400, provider)).toBe(false);
    expect(await releaseLease(t.client, first.lease)).toBe(false);
    if (!second) return;
    await expect(fencedJobWrite(t.client, second.lease, { status: "BLOCKED", inLane: false, release: false })).rejects.toBeInstanceOf(IllegalJobTransitionError);
    const next = await fencedJobWrite(t.client, second.lease, { status: "ACTIVE", step: "poll", inLane: true, release: false });
    const row = await t.client.job.findUniqueOrThrow({ where: { id: next.id } });
    expect(row).toMatchObject({ status: "ACTIVE", step: "poll", version: next.version, leaseOwner: "b" });
  });

  it("anyClaimable is true exactly when claimActive or claimQueued could take a job (an idle poll's read)", async () => {
    const db = await createTestDb(provider);
    try {
      const o = opts("c", 30_000);
      const future = new Date(Date.now() + 3_600_000);
      const past = new Date(Date.now() - 1_000);
      expect(await anyClaimable(db.client, o)).toBe(false); // empty queue
      const owner = await seedUser(db.client);
      const [take] = await queueTextClips(db.client, owner, 1);
      const job = await db.client.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "video", subjectId: take! } } });
      const set = (data: { status?: "QUEUED" | "ACTIVE" | "DONE"; runAt?: Date; leaseUntil?: Date | null; leaseOwner?: string | null }) => db.client.job.update({ where: { id: job.id }, data });
      expect(await anyClaimable(db.client, o)).toBe(true); // QUEUED and due
      expect(await anyClaimable(db.client, { ...o, kinds: ["last-frame"] })).toBe(false); // not a kind this runner runs
      await set({ runAt: future });
      expect(await anyClaimable(db.client, o)).toBe(false); // QUEUED, not yet due
      await set({ status: "ACTIVE", runAt: past, leaseOwner: "other", leaseUntil: future });
      expect(await anyClaimable(db.client, o)).toBe(false); // due but held by a live lease
      expect(await claimActive(db.client, o)).toBeNull();
      await set({ runAt: future, leaseOwner: null, leaseUntil: null });
      expect(await anyClaimable(db.client, o)).toBe(false); // free, waiting for its next poll of the platform
      await set({ runAt: past, leaseOwner: "other", leaseUntil: past });
      expect(await anyClaimable(db.client, o)).toBe(true); // due with an expired lease (a crashed runner's)
      expect((await claimActive(db.client, o))?.lease.id).toBe(job.id);
      await set({ status: "DONE", leaseOwner: null, leaseUntil: null });
      expect(await anyClaimable(db.client, o)).toBe(false); // ended
    } finally {
      await db.drop();
    }
  });
});
