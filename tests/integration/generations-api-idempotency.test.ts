import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { videoJob } from "@/lib/server/generations/video-job/kind";
import { cancelJob } from "@/lib/server/jobs/cancel-job";
import { claimQueued } from "@/lib/server/jobs/claim";
import type { AppError } from "@/lib/server/errors";
import type { Access } from "@/lib/server/permissions";
import type { CreateGenerationInput } from "@/lib/shared/generation-schemas";
import { providers } from "../support/test-db";
import { userAccess } from "../support/user-access";
import { ctx, setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

// Idempotent submit, the budget seam, and cancel racing the worker's claim.
type Services = {
  createGeneration: typeof import("@/lib/server/generations/create-generation").createGeneration;
  cancelGeneration: typeof import("@/lib/server/generations/cancel-generation").cancelGeneration;
};

/** Route modules are re-imported per database (vi.resetModules), so compare codes, not classes. */
function appErrorCode(e: unknown): string {
  return e instanceof Error && e.name === "AppError" ? (e as AppError).code : String(e);
}

const TEXT: CreateGenerationInput = { mode: "text", prompt: "lighthouse at dusk", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" };

describe.each(providers())("idempotency, budget and cancel races on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let aliceAccess: Access;
  let svc: Services;

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
    aliceAccess = await userAccess(s.db, { id: alice.id, email: "alice@x.test" }); // alice is in no team
    svc = {
      createGeneration: (await import("@/lib/server/generations/create-generation")).createGeneration,
      cancelGeneration: (await import("@/lib/server/generations/cancel-generation")).cancelGeneration,
    };
  });
  afterAll(async () => s?.drop());

  it("50 parallel identical submits → exactly 1 row and 1 HOLD, every answer 202 with the same id", async () => {
    const key = "parallel-key-50";
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => s.routes.generations.POST(submitRequest(alice, { mode: "text", prompt: "fifty at once" }, key))),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(202));
    expect(new Set(bodies.map((b: { id: string }) => b.id)).size).toBe(1);
    expect(await s.db.generation.count({ where: { idemKey: key } })).toBe(1);
    expect(await s.db.ledgerEntry.count({ where: { generation: { idemKey: key }, kind: "HOLD" } })).toBe(1);
  });

  it("property: k interleaved submits with one key → one row, one HOLD, the winner's body replays, others 422", async () => {
    let run = 0;
    const bodyArb = fc.constantFrom<CreateGenerationInput>(
      TEXT,
      { ...TEXT, prompt: "  lighthouse at dusk " }, // normalizes to TEXT
      { ...TEXT, style: "anime" },
      { ...TEXT, movementAmplitude: "large" },
    );
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(bodyArb, { minLength: 1, maxLength: 10 }), async (sched, bodies) => {
        const key = `prop-${kind}-${run++}-key`;
        const outcomes = bodies.map((body) =>
          sched.schedule(Promise.resolve(), "submit").then(() =>
            svc.createGeneration(s.db, aliceAccess, key, body).then(
              (r) => ({ ok: true as const, id: r.id, body }),
              (e: unknown) => ({ ok: false as const, code: appErrorCode(e), body }),
            ),
          ),
        );
        await sched.waitAll();
        const results = await Promise.all(outcomes);
        const rows = await s.db.generation.findMany({ where: { ownerId: alice.id, idemKey: key }, select: { id: true, paramsHash: true } });
        expect(rows).toHaveLength(1);
        expect(await s.db.ledgerEntry.count({ where: { generationId: rows[0]?.id } })).toBe(1);
        const ids = new Set(results.filter((r) => r.ok).map((r) => (r.ok ? r.id : "")));
        expect([...ids]).toEqual([rows[0]?.id]);
        for (const r of results) if (!r.ok) expect(r.code).toBe("idempotency_mismatch");
        // Bodies that normalize equally get the same outcome.
        const norm = (b: CreateGenerationInput) => JSON.stringify({ ...b, prompt: b.prompt.trim() });
        const byNorm = new Map<string, boolean>();
        for (const r of results) {
          const seen = byNorm.get(norm(r.body));
          if (seen !== undefined) expect(r.ok).toBe(seen);
          byNorm.set(norm(r.body), r.ok);
        }
      }),
      { numRuns: 120 },
    );
  });

  it("member budget: refuses with 402 budget_member_monthly naming the budget, counts refunds, holds under concurrency", async () => {
    const user = await s.user("budget@x.test");
    const team = await s.db.team.create({ data: { name: "Budget team", memberships: { create: { userId: user.id, role: "MEMBER" } } } });
    const who = await userAccess(s.db, { id: user.id, email: "budget@x.test" }); // after joining the team
    await s.db.budget.create({ data: { scope: "MEMBER_MONTHLY", teamId: team.id, userId: user.id, limitFen: 750 } }); // three clips at 250
    const workspace = { kind: "team", teamId: team.id } as const;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => svc.createGeneration(s.db, who, `budget-key-${i}`, { ...TEXT, prompt: `clip ${i}` }, { workspace })),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    expect(accepted).toHaveLength(3);
    for (const r of results) {
      if (r.status === "rejected") {
        expect(appErrorCode(r.reason)).toBe("budget_member_monthly");
        expect((r.reason as AppError).status).toBe(402);
        expect((r.reason as AppError).vars).toEqual({ spent: "¥7.50", limit: "¥7.50" });
      }
    }
    expect(await s.db.generation.count({ where: { ownerId: user.id } })).toBe(3);
    expect(await s.db.ledgerEntry.count({ where: { userId: user.id, kind: "HOLD", teamId: team.id } })).toBe(3);
    // A cancelled clip's refund frees its share of the budget.
    const first = accepted[0];
    if (first?.status !== "fulfilled") throw new Error("unreachable");
    await svc.cancelGeneration(s.db, who, first.value.id);
    await expect(svc.createGeneration(s.db, who, "budget-key-after", { ...TEXT, prompt: "after refund" }, { workspace })).resolves.toMatchObject({ created: true });
    await expect(svc.createGeneration(s.db, who, "budget-key-over", { ...TEXT, prompt: "over" }, { workspace })).rejects.toMatchObject({ code: "budget_member_monthly" });
    // The personal workspace has no budget: the same user may still make personal clips.
    await expect(svc.createGeneration(s.db, who, "budget-key-personal", { ...TEXT, prompt: "personal" })).resolves.toMatchObject({ created: true });
  });

  it("cancel vs. a concurrent claim of its job by the runner (other connection): exactly one wins, refund only if cancelled", async () => {
    const other: Db = createDb(s.t.url);
    // Earlier tests left takes in the queue; the claim takes the oldest, so cancel those first (the
    // proper way, refunds included) and each round's claim can only race for that round's take.
    for (const j of await s.db.job.findMany({ where: { status: "QUEUED" }, select: { id: true } })) await cancelJob(s.db, videoJob, { id: j.id });
    try {
      const tally = { cancelled: 0, claimed: 0 };
      for (let i = 0; i < 30; i++) {
        const { id } = await svc.createGeneration(s.db, aliceAccess, `race-key-${i}-xyz`, { ...TEXT, prompt: `race ${i}` });
        // The runner's real claim: QUEUED → ACTIVE with a lease, the same guard cancel races against.
        const claim = () => claimQueued(other, "vidu:viduq1-text", 100, { owner: "worker-1", leaseMs: 60_000, provider: s.t.name, kinds: ["video"] });
        const cancel = () => s.routes.cancel.POST(submitRequest(alice, undefined, null), ctx({ id }));
        const [claimResult, cancelRes] = i % 2 ? await Promise.all([claim(), cancel()]) : await Promise.all([cancel(), claim()]).then(([c, k]) => [k, c] as const);
        const row = await s.db.generation.findUniqueOrThrow({ where: { id } });
        const job = await s.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "video", subjectId: id } } });
        const refunds = await s.db.ledgerEntry.count({ where: { generationId: id, kind: "REFUND" } });
        if (cancelRes.status === 200) {
          tally.cancelled++;
          expect(claimResult).toBeNull();
          expect(row.status).toBe("CANCELLED");
          expect(job.status).toBe("CANCELLED");
          expect(refunds).toBe(1);
        } else {
          tally.claimed++;
          expect(cancelRes.status).toBe(409);
          expect((await cancelRes.json()).error.code).toBe("not_cancellable");
          expect(claimResult?.lease.id).toBe(job.id);
          expect(job.status).toBe("ACTIVE");
          expect(row.status).toBe("QUEUED"); // the claimed job's first step has not run
          expect(refunds).toBe(0);
        }
      }
      expect(tally.cancelled + tally.claimed).toBe(30);
    } finally {
      await other.$disconnect();
    }
  });
});
