import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { claimActive, claimQueued } from "@/lib/server/generations/claim";
import { fencedUpdate, LeaseLostError } from "@/lib/server/generations/fenced-update";
import { IllegalTransitionError } from "@/lib/server/generations/state-machine";
import { releaseLease, renewLease } from "@/lib/server/worker/lease";
import { queueTextClips, seedUser } from "@/tests/support/worker-harness";
import { createTestDb, providers, type TestDb } from "@/tests/support/test-db";

// The claim is the cap's only guard (RELIABILITY §3.3 step 2, I6): many claimers on separate
// connections (separate clients = separate "processes") race for 20 queued clips with cap 5 and
// exactly 5 win. Leases use the DB clock, expired ones are reclaimable, and fenced writes from a
// stale lease or an illegal transition are refused. Runs on SQLite, and on PostgreSQL when
// TEST_POSTGRES_URL is set.

describe.each(providers())("claim on %s", (provider) => {
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
      claimQueued(clients[i % clients.length] as Db, "viduq1-text", 5, { owner: `w${i}-${randomUUID()}`, leaseMs: 30_000, provider }),
    );
    const won = (await Promise.all(attempts)).filter((c) => c !== null);
    expect(won).toHaveLength(5);
    expect(new Set(won.map((c) => c.lease.id)).size).toBe(5);
    expect(await t.client.generation.count({ where: { status: "SUBMITTING" } })).toBe(5);
    // Another model has its own cap.
    expect(await claimQueued(t.client, "viduq1-image", 5, { owner: "x", leaseMs: 30_000, provider })).toBeNull();
  });

  it("reclaims expired leases only, renews with the DB clock, and fences stale writers", async () => {
    // 15 clips are still QUEUED from the test above and 5 are SUBMITTING under 30 s leases.
    const first = await claimQueued(t.client, "viduq1-text", 100, { owner: "a", leaseMs: 400, provider });
    expect(first).not.toBeNull();
    if (!first) return;
    expect(Math.abs(first.dbNow.getTime() - Date.now())).toBeLessThan(5_000);
    // Held: nobody else can take it.
    expect(await claimActive(others[0] as Db, { owner: "b", leaseMs: 30_000, provider })).toBeNull();
    expect(await renewLease(t.client, first.lease, 400, provider)).toBe(true);
    await new Promise((r) => setTimeout(r, 700));
    const second = await claimActive(others[0] as Db, { owner: "b", leaseMs: 30_000, provider });
    expect(second?.lease.id).toBe(first.lease.id);
    expect(second?.lease.version).toBe(first.lease.version + 1);
    // The zombie's writes are refused by the fence; its renewals and releases are no-ops.
    await expect(fencedUpdate(t.client, first.lease, "PROCESSING", { upstreamTaskId: "zombie" })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await renewLease(t.client, first.lease, 400, provider)).toBe(false);
    expect(await releaseLease(t.client, first.lease)).toBe(false);
    if (!second) return;
    await expect(fencedUpdate(t.client, second.lease, "STORED", {})).rejects.toBeInstanceOf(IllegalTransitionError);
    const next = await fencedUpdate(t.client, second.lease, "PROCESSING", { upstreamTaskId: "t1" });
    const row = await t.client.generation.findUniqueOrThrow({ where: { id: next.id } });
    expect(row).toMatchObject({ status: "PROCESSING", upstreamTaskId: "t1", version: next.version, leaseOwner: "b" });
  });
});
