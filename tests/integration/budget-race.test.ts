import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Upstream, upstreamClients } from "@/lib/server/bigmodel/upstream";
import { createLocalStorage } from "@/lib/server/storage";
import { startWorker } from "@/lib/server/worker/start-worker";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { tempDir } from "@/tests/support/simulator-fixtures";
import { providers } from "@/tests/support/test-db";
import { waitAllTerminal } from "@/tests/support/worker-harness";
import { INTEGRATION_RENDER_CACHE } from "@/scripts/lib/test-render-caches.mjs";
import { setupStudio, type Studio, type StudioUser, submitRequest } from "./generations-api-support";

// Issue 6 "Concurrency": 100 parallel POST /api/generations from five members of one team against a
// team budget with room for exactly 10 clips (¥25.00 at ¥2.50) → exactly 10 accepted (202) and 90
// refused with 402 budget_team_monthly naming the budget; then a real worker runs the 10 through the
// simulator, and the ledger's CHARGE rows equal the simulator's accept ledger, one per request_id.

const SPEED = 200;
// One body under many keys on purpose (distinct submits racing): confirmed, as a script must (repeat-guard.ts).
const TEXT = { mode: "text", prompt: "A lantern festival over a river", style: "general", aspectRatio: "16:9", movementAmplitude: "auto", confirmRepeat: true };

describe.each(providers())("budget race on %s", (provider) => {
  let s: Studio;
  let sim: RunningSimulator;
  let dir: string;
  beforeAll(async () => {
    s = await setupStudio(provider);
    dir = tempDir("budget-race");
    sim = await startSimulator({
      host: "127.0.0.1",
      port: 0,
      stateDir: path.join(dir, "sim"),
      cacheDir: INTEGRATION_RENDER_CACHE,
      speed: SPEED,
      concurrency: 5,
    });
  });
  afterAll(async () => {
    await sim?.close();
    await s?.drop();
  });

  it("100 parallel submits, room for 10 → exactly 10 accepted; ledger == simulator accepts", async () => {
    const members: StudioUser[] = [];
    for (let i = 0; i < 5; i++) members.push(await s.user(`racer-${i}@x.test`));
    const team = await s.db.team.create({
      data: { name: "Race team", memberships: { create: members.map((m, i) => ({ userId: m.id, role: i === 0 ? "OWNER" : "MEMBER" })) } },
    });
    await s.db.budget.create({ data: { scope: "TEAM_MONTHLY", teamId: team.id, limitFen: 2_500 } });

    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const who = members[i % members.length]!;
        // One prompt for all: the simulator renders (ffmpeg) once; the keys make them 100 distinct submits.
        const req = submitRequest(who, TEXT, `race-${i}-key`);
        const url = new URL(req.url);
        url.searchParams.set("team", team.id);
        return s.routes.generations.POST(new Request(url, req));
      }),
    );
    const statuses = responses.map((r) => r.status);
    const refused = await Promise.all(responses.filter((r) => r.status === 402).map((r) => r.json()));
    console.log(JSON.stringify({ provider, accepted: statuses.filter((x) => x === 202).length, refused: refused.length }));
    expect(statuses.filter((x) => x === 202)).toHaveLength(10);
    expect(statuses.filter((x) => x === 402)).toHaveLength(90);
    for (const body of refused) {
      expect(body.error.code).toBe("budget_team_monthly");
      expect(body.error.messages.en).toContain("team's monthly budget");
      expect(body.error.messages["zh-CN"]).toContain("团队本月预算");
    }
    // Nothing of a refused submit exists: 10 rows, 10 holds, exactly the budget.
    expect(await s.db.generation.count({ where: { teamId: team.id } })).toBe(10);
    const holds = await s.db.ledgerEntry.aggregate({ where: { teamId: team.id, kind: "HOLD" }, _sum: { amountFen: true }, _count: true });
    expect(holds._count).toBe(10);
    expect(holds._sum.amountFen).toBe(2_500);

    // Run the accepted clips through the real pipeline; the refused ones never reach the upstream.
    const upstream: Upstream = { ...upstreamClients({ baseUrl: sim.baseUrl, apiKey: sim.keys[0] ?? "", requestTimeoutMs: 5_000 }), mode: "simulator", mediaOrigins: [sim.url] };
    const worker = startWorker({
      db: s.db,
      provider,
      storage: createLocalStorage(path.join(dir, "media")),
      upstream: () => Promise.resolve(upstream),
      leaseMs: 5_000,
      timeScale: SPEED,
      modelCap: 5,
      concurrency: 4,
      idlePollMs: 50,
      scratchDir: path.join(dir, "scratch"),
    });
    try {
      await waitAllTerminal(s.db, 300_000);
    } finally {
      await worker.stop();
    }
    const stats = sim.control.stats();
    const charges = await s.db.ledgerEntry.findMany({ where: { kind: "CHARGE" }, include: { generation: { select: { upstreamRequestId: true } } } });
    expect(stats.totalAccepts).toBe(10);
    expect(charges).toHaveLength(stats.totalAccepts);
    expect(new Set(charges.map((c) => c.generation?.upstreamRequestId))).toEqual(new Set(Object.keys(stats.acceptsByRequestId)));
    expect(charges.reduce((sum, c) => sum + c.amountFen, 0)).toBe(2_500);
    const histogram = await s.db.generation.groupBy({ by: ["status", "errorCode"], where: { teamId: team.id }, _count: true });
    expect(histogram.map((h) => [h.status, h.errorCode, h._count])).toEqual([["STORED", null, 10]]);
    // A refund frees room again: no refunds here, so the 101st submit is still refused.
    const again = await s.routes.generations.POST(
      new Request(`http://localhost:3000/api/generations?team=${team.id}`, submitRequest(members[1]!, { ...TEXT, prompt: "one more" }, "race-101-key")),
    );
    expect(again.status).toBe(402);
  }, 240_000);

  it("instance daily cap: 60 parallel personal submits from 6 users, room for 7 → exactly 7", async () => {
    const users: StudioUser[] = [];
    for (let i = 0; i < 6; i++) users.push(await s.user(`daily-${i}@x.test`));
    const spentToday = (await s.db.ledgerEntry.aggregate({ where: { kind: "HOLD" }, _sum: { amountFen: true } }))._sum.amountFen ?? 0;
    await s.db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: spentToday + 7 * 250 } });
    try {
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) => s.routes.generations.POST(submitRequest(users[i % users.length]!, TEXT, `daily-${i}-key`))),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((x) => x === 202)).toHaveLength(7);
      expect(statuses.filter((x) => x === 402)).toHaveLength(53);
      const codes = new Set(await Promise.all(responses.filter((r) => r.status === 402).map(async (r) => (await r.json()).error.code)));
      expect([...codes]).toEqual(["budget_instance_daily"]);
      expect(await s.db.generation.count({ where: { ownerId: { in: users.map((u) => u.id) } } })).toBe(7);
    } finally {
      await s.db.budget.deleteMany({ where: { scope: "INSTANCE_DAILY" } });
    }
  });
});
