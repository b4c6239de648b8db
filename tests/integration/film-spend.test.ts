import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spentFen } from "@/lib/server/budgets/spend";
import type { GenerateMissingEstimate } from "@/lib/shared/film/generate-missing-view";
import { expectOk, sendAs } from "../support/route-answers";
import { providers } from "../support/test-db";
import { waitFor } from "../support/wait-for";
import { type CallWorld, startCallWorld } from "./call-worker-support";
import { filmOfShots, queueTake, storeTakeVideo } from "./films-support";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// The film's spend by kind in the "generate missing shots" estimate, from real rows made through the
// routes: a script breakdown (chat), a shot's stills, voice lines (one spoken again: the replaced line
// still counts), a stored take (settled) and a queued one (held), all answered by the simulator over
// HTTP and settled by the call job; another film's still is not counted. The parts add up to what the
// budgets count for the user (spentFen), and the estimate adds the batch on top.

const CLIP = { width: 1920, height: 1080, frames: 48, toneHz: 440 } as const;
const STILL = 6;
const SPEECH = 3;
const TAKE = 250;
const YEAR = { start: new Date(0), end: new Date(Date.now() + 86_400_000) };

async function loadRoutes() {
  return {
    films: await import("@/app/api/films/route"),
    shots: await import("@/app/api/films/[filmId]/shots/route"),
    script: await import("@/app/api/films/[filmId]/script/route"),
    stills: await import("@/app/api/shots/[shotId]/stills/route"),
    voice: await import("@/app/api/shots/[shotId]/voice/route"),
    takes: await import("@/app/api/shots/[shotId]/takes/route"),
    missing: await import("@/app/api/films/[filmId]/generate-missing/route"),
    storage: await import("@/lib/server/storage/instance"),
  };
}

describe.each(providers())("a film's spend by kind on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof loadRoutes>>;
  let world: CallWorld;
  let me: StudioUser;
  let seq = 0;

  const ok = expectOk;
  const key = () => `spend-${kind}-${seq++}-${randomUUID()}`;
  const callsEnded = (ownerId: string) =>
    waitFor("every call to end", async () => (await s.db.aiCall.count({ where: { ownerId, status: { in: ["QUEUED", "SENDING"] } } })) === 0, 60_000);

  const film = (shots: number) =>
    filmOfShots(r, me, `Spend ${kind} ${seq++}`, Array.from({ length: shots }, (_, i) => ({ mode: "text", prompt: `Shot ${i + 1}: a lighthouse at dusk`, caption: `Line ${i + 1}.` })));

  async function take(shotId: string, stored: boolean): Promise<void> {
    const takeId = await queueTake(r.takes, me, shotId, key());
    if (stored) await storeTakeVideo(s, r.storage.storage(), takeId, CLIP, 2000);
  }

  beforeAll(async () => {
    s = await setupStudio(kind, { PRICE_FEN_STILL: String(STILL), PRICE_FEN_SPEECH: String(SPEECH), PRICE_FEN: String(TAKE), PRICE_FEN_PER_1K_CHAT_TOKENS: "1000", PROMPT_HELP_WAIT_MS: "15000" });
    r = await loadRoutes();
    world = await startCallWorld(s, { name: "film-spend", simSpeed: 500, chatLatencyMs: 10, requestTimeoutMs: 10_000, storage: r.storage.storage() });
    me = await s.user(`spend-${kind}@example.test`);
  });
  afterAll(async () => {
    await world?.stop();
    await s?.drop();
  });
  beforeEach(() => world.reset());

  it("shows script, stills, voice and video spent so far, settled and held apart, plus the batch", { timeout: 180_000 }, async () => {
    const a = await film(3);
    const b = await film(1);
    await ok(r.script.POST(sendAs(me, "POST", `/api/films/${a.id}/script`, { text: "A keeper climbs the lighthouse. The lamp turns. Ships pass." }, { "idempotency-key": key() }), ctx({ filmId: a.id })));
    await ok(r.stills.POST(sendAs(me, "POST", `/api/shots/${a.shots[0]}/stills`, { count: 2 }, { "idempotency-key": key() }), ctx({ shotId: a.shots[0]! })), 202);
    await ok(r.stills.POST(sendAs(me, "POST", `/api/shots/${b.shots[0]}/stills`, { count: 1 }, { "idempotency-key": key() }), ctx({ shotId: b.shots[0]! })), 202);
    await ok(r.voice.POST(sendAs(me, "POST", `/api/shots/${a.shots[0]}/voice`, { speaker: "Keeper" }, { "idempotency-key": key() }), ctx({ shotId: a.shots[0]! })), 202);
    await callsEnded(me.id);
    // Spoken again with another voice: the first line is replaced, and still paid for.
    await ok(r.voice.POST(sendAs(me, "POST", `/api/shots/${a.shots[0]}/voice`, { voice: "douji" }, { "idempotency-key": key() }), ctx({ shotId: a.shots[0]! })), 202);
    await callsEnded(me.id);
    await take(a.shots[0]!, true);
    await take(a.shots[1]!, false);

    const script = await s.db.aiCall.findFirstOrThrow({ where: { ownerId: me.id, kind: "CHAT" }, select: { status: true, settledFen: true, filmId: true } });
    expect(script).toMatchObject({ status: "DONE", filmId: a.id });
    expect(script.settledFen).toBeGreaterThan(0);
    expect(await s.db.aiCall.count({ where: { ownerId: me.id, status: "DONE" } })).toBe(6);

    const est = await ok<GenerateMissingEstimate>(r.missing.GET(sendAs(me, "GET", `/api/films/${a.id}/generate-missing?takes=2`), ctx({ filmId: a.id })));
    // Shot 3 is the one missing: 2 takes of it.
    expect([est.shots.map((x) => x.shotId), est.totalFen]).toEqual([[a.shots[2]], 2 * TAKE]);
    expect(est.spent.byKind).toEqual({
      script: { settledFen: script.settledFen, heldFen: 0 },
      stills: { settledFen: 2 * STILL, heldFen: 0 },
      voice: { settledFen: 2 * SPEECH, heldFen: 0 },
      video: { settledFen: TAKE, heldFen: TAKE },
    });
    const spent = script.settledFen! + 2 * STILL + 2 * SPEECH + 2 * TAKE;
    expect(est.spent).toMatchObject({ settledFen: spent - TAKE, heldFen: TAKE, totalFen: spent });
    expect(est.filmTotalFen).toBe(spent + 2 * TAKE);

    // The other film has its own still only; together they are everything the budgets count for me.
    const other = await ok<GenerateMissingEstimate>(r.missing.GET(getRequest(me, `/api/films/${b.id}/generate-missing?takes=1`), ctx({ filmId: b.id })));
    expect(other.spent.byKind).toEqual({ script: { settledFen: 0, heldFen: 0 }, stills: { settledFen: STILL, heldFen: 0 }, voice: { settledFen: 0, heldFen: 0 }, video: { settledFen: 0, heldFen: 0 } });
    expect(est.spent.totalFen + other.spent.totalFen).toBe(await spentFen(s.db, { userId: me.id, ...YEAR }));
  });
});
