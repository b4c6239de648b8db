// A process frozen inside a transaction (SIGSTOP, a GC pause, a dead network peer) must not block
// everyone else forever: the multi-zombie test once saw a worker frozen between taking the per-model
// claim lock (pg_advisory_xact_lock) and committing, and the healthy worker's claims for that model
// waited on the lock for the whole 120 s. Every application connection now carries
// idle_in_transaction_session_timeout, so PostgreSQL ends the stalled session and releases its locks.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { claimQueued } from "@/lib/server/jobs/claim";
import { queueTextClips, seedUser } from "@/tests/support/worker-harness";
import { createTestDb, type TestDb } from "@/tests/support/test-db";

describe.skipIf(!process.env.TEST_POSTGRES_URL)("a stalled transaction on PostgreSQL", () => {
  let t: TestDb;
  let frozen: Db;
  beforeAll(async () => {
    t = await createTestDb("postgresql");
    frozen = createDb(t.url, { idleInTransactionTimeoutMs: 1_000 });
  });
  afterAll(async () => {
    await frozen?.$disconnect().catch(() => {});
    await t?.drop();
  });

  it("loses its claim lock after the idle timeout, so other claimers proceed", async () => {
    const owner = await seedUser(t.client);
    await queueTextClips(t.client, owner, 2);
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    // The "zombie": takes the model's claim lock, then sends nothing more for 5 s.
    const zombie = frozen
      .$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"framehouse.lane.vidu:viduq1-text"}))`;
          await Promise.race([hold, new Promise((r) => setTimeout(r, 5_000))]);
          await tx.$executeRaw`SELECT 1`;
        },
        { timeout: 20_000 },
      )
      .then(
        () => "committed",
        () => "terminated",
      );
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const claimed = await claimQueued(t.client, "vidu:viduq1-text", 5, { owner: `healthy-${randomUUID()}`, leaseMs: 30_000, provider: "postgresql", kinds: ["video"] });
    const waitedMs = Date.now() - started;
    release();
    expect(claimed).not.toBeNull();
    expect(waitedMs).toBeLessThan(4_000); // ~1 s idle timeout, far less than the zombie's 5 s freeze
    expect(await zombie).toBe("terminated");
    console.info(`[stalled-tx] claim waited ${waitedMs} ms for the frozen session to be ended`);
  });
});
