import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { claimActive } from "@/lib/server/jobs/claim";
import { expireGoneOwnersLeases } from "@/lib/server/jobs/dead-owners";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import { localPidSpace, newLeaseOwner } from "@/lib/server/jobs/lease-owner";
import { gonePid } from "@/tests/support/gone-pid";
import { createTestDb, providers, type TestDb } from "@/tests/support/test-db";

// After a crash on the same machine, the next runner takes the dead runner's jobs at once instead of
// waiting out their leases; every lease whose holder may still exist (alive, stopped, on another
// machine, or of unknown pid space) is left exactly as it was.

const KIND = "gone-owner-test";
const children: ChildProcess[] = [];


describe.each(providers())("gone owners' leases on %s", (provider) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    for (const c of children.splice(0)) c.kill("SIGKILL");
    await t?.drop();
    t = undefined;
  });

  it("expires only the leases of a runner of this pid space that no longer exists, and the next claim takes them", async () => {
    t = await createTestDb(provider);
    const db = t.client;
    const space = localPidSpace()!;
    const dead = await gonePid();
    const alive = spawn("sleep", ["600"], { stdio: "ignore" });
    children.push(alive);
    const self = newLeaseOwner();
    const owners = {
      gone: `h:${dead}:aaaaaaaaaaaa:${space}`,
      alive: `h:${alive.pid}:bbbbbbbbbbbb:${space}`,
      elsewhere: `h:${dead}:cccccccccccc:0123456789abcdef`,
      noSpace: `h:${dead}:dddddddddddd`,
      self,
    };
    const later = new Date(Date.now() + 10 * 60_000);
    const earlier = new Date(Date.now() - 60_000);
    const jobs: Record<string, { owner: string | null; until: Date | null }> = {
      gone1: { owner: owners.gone, until: later },
      gone2: { owner: owners.gone, until: later },
      goneExpired: { owner: owners.gone, until: earlier },
      alive: { owner: owners.alive, until: later },
      elsewhere: { owner: owners.elsewhere, until: later },
      noSpace: { owner: owners.noSpace, until: later },
      self: { owner: owners.self, until: later },
      parked: { owner: null, until: null },
    };
    const ids: Record<string, string> = {};
    for (const [name, lease] of Object.entries(jobs)) {
      const { id } = await db.$transaction((tx) => enqueueJob(tx, { kind: KIND, subjectId: randomUUID(), lane: "test:gone", step: "run", runAt: earlier }));
      await db.job.update({ where: { id }, data: { status: "ACTIVE", leaseOwner: lease.owner, leaseUntil: lease.until } });
      ids[name] = id;
    }
    const before = new Map((await db.job.findMany()).map((j) => [j.id, j]));

    expect(await expireGoneOwnersLeases(db, provider, self)).toBe(2); // gone1, gone2; the expired one stays as it was
    expect(await expireGoneOwnersLeases(db, provider, self)).toBe(0);

    const after = new Map((await db.job.findMany()).map((j) => [j.id, j]));
    for (const name of ["alive", "elsewhere", "noSpace", "self", "parked", "goneExpired"]) {
      expect(after.get(ids[name]!), name).toEqual(before.get(ids[name]!));
    }
    for (const name of ["gone1", "gone2"]) {
      const j = after.get(ids[name]!)!;
      expect(j.leaseUntil!.getTime(), name).toBeLessThanOrEqual(Date.now() + 1_000);
      expect({ status: j.status, step: j.step, version: j.version, leaseOwner: j.leaseOwner }).toEqual({ status: "ACTIVE", step: "run", version: before.get(ids[name]!)!.version, leaseOwner: owners.gone });
    }

    // The next claims take the gone runner's three jobs (and the parked one, whose lease is free), nothing else.
    const claimed: string[] = [];
    for (;;) {
      const c = await claimActive(db, { owner: self, leaseMs: 30_000, provider, kinds: [KIND] });
      if (!c) break;
      claimed.push(c.lease.id);
      expect(c.lease.version).toBe(before.get(c.lease.id)!.version + 1); // the claim fences the old owner out
    }
    expect(claimed.sort()).toEqual([ids.gone1, ids.gone2, ids.goneExpired, ids.parked].sort());
  });
});
