import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AI_CALL_JOB, aiCallLane } from "@/lib/server/ai-calls/call-job";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import { holdCall } from "@/lib/server/ledger/ledger";
import { createLocalStorage } from "@/lib/server/storage";
import { stillKey } from "@/lib/server/ai-calls/still-store";
import { type RunningWorker } from "@/lib/server/worker/start-worker";
import type { GalleryStillsPage, StillsList } from "@/lib/shared/film/still-views";
import { type RunningSimulator } from "@/lib/simulator/server";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { waitFor } from "../support/wait-for";
import { teamOfThree } from "./films-support";
import { type CallWorld, startCallWorld } from "./call-worker-support";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// A shot's stills end to end through the real routes, the job runner and the simulator over HTTP: the
// batch is held all or nothing and settled per image, the image is re-hosted at the film's frame
// size, the store step survives a re-run without sending again, a dead link keeps the charge, and a
// chosen still is the first frame the shot's image→video take is made from. Viewers are refused.

const run = promisify(execFile);

async function ffprobeSize(file: string): Promise<{ width: number; height: number; codec: string }> {
  const { stdout } = await run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,codec_name", "-of", "json", file]);
  const s = (JSON.parse(stdout) as { streams: { width: number; height: number; codec_name: string }[] }).streams[0]!;
  return { width: s.width, height: s.height, codec: s.codec_name };
}

describe.each(providers())("shot stills on %s", (kind) => {
  let s: Studio;
  let sim: RunningSimulator;
  let worker: RunningWorker;
  let world: CallWorld;
  let mediaDir: string;
  let team: Awaited<ReturnType<typeof teamOfThree>>;
  let r: {
    stills: typeof import("@/app/api/shots/[shotId]/stills/route");
    use: typeof import("@/app/api/shots/[shotId]/stills/[stillId]/use/route");
    takes: typeof import("@/app/api/shots/[shotId]/takes/route");
    upload: typeof import("@/app/api/uploads/[id]/route");
    gallery: typeof import("@/app/api/stills/route");
  };

  const make = (shotId: string, body: unknown, user: StudioUser = team.member, key: string = randomUUID()) =>
    r.stills.POST(jsonRequest(`/api/shots/${shotId}/stills`, "POST", body, { cookie: user.cookie, origin: "http://localhost:3000", "idempotency-key": key }), ctx({ shotId }));
  const list = async (shotId: string, user: StudioUser = team.member) => (await (await r.stills.GET(getRequest(user, `/api/shots/${shotId}/stills`), ctx({ shotId }))).json()) as StillsList;
  const use = (shotId: string, stillId: string, frame: "start" | "end", user: StudioUser = team.member) =>
    r.use.POST(jsonRequest(`/api/shots/${shotId}/stills/${stillId}/use`, "POST", { frame }, { cookie: user.cookie, origin: "http://localhost:3000" }), ctx({ shotId, stillId }));
  const ORDER = ["HOLD", "CHARGE", "REFUND"];
  const ledgerKinds = async (callId: string) =>
    (await s.db.ledgerEntry.findMany({ where: { callId } })).sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind)).map((e) => [e.kind, e.amountFen]);
  const settled = async (shotId: string, n: number) => {
    await waitFor(`${n} still(s) to end`, async () => (await list(shotId)).items.filter((i) => i.state === "ready" || i.state === "failed").length === n, 20_000);
    return list(shotId);
  };

  async function shotIn(aspect: "16:9" | "9:16" | "1:1", prompt = "A lighthouse at dusk, waves below"): Promise<string> {
    const film = await s.db.film.create({ data: { ownerId: team.owner.id, teamId: team.teamId, title: `Stills ${aspect} ${randomUUID().slice(0, 6)}`, aspect } });
    return (await s.db.shot.create({ data: { filmId: film.id, position: 0, mode: "TEXT", prompt } })).id;
  }

  beforeAll(async () => {
    s = await setupStudio(kind, { PRICE_FEN_STILL: "6" });
    r = {
      stills: await import("@/app/api/shots/[shotId]/stills/route"),
      use: await import("@/app/api/shots/[shotId]/stills/[stillId]/use/route"),
      takes: await import("@/app/api/shots/[shotId]/takes/route"),
      upload: await import("@/app/api/uploads/[id]/route"),
      gallery: await import("@/app/api/stills/route"),
    };
    mediaDir = path.join(s.dataDir, "media");
    const store = createLocalStorage(mediaDir);
    // The routes and the worker share one storage, as in a deployment (the routes' instance is cached per process).
    (globalThis as { framehouseStorage?: unknown }).framehouseStorage = store;
    world = await startCallWorld(s, { name: "stills", simSpeed: 500, storage: store });
    ({ sim, worker } = world);
    team = await teamOfThree(s, `stills-${kind}`);
  });
  afterAll(async () => {
    await world?.stop();
    await s?.drop();
  });
  beforeEach(() => world.reset());

  it("a batch of two is held, made, settled per image and stored at the film's frame size", async () => {
    const shotId = await shotIn("16:9");
    const key = randomUUID();
    const res = await make(shotId, { count: 2 }, team.member, key);
    expect(res.status).toBe(202);
    const first = (await res.json()) as StillsList & { created: number };
    expect(first.created).toBe(2);
    expect(first.unitFen).toBe(6);
    expect(first.size).toBe("1344x768");
    expect(first.frame).toEqual({ width: 1920, height: 1080 });
    const done = await settled(shotId, 2);
    expect(done.items.map((i) => i.state)).toEqual(["ready", "ready"]);
    expect(sim.control.stats().billedMedia.images).toBe(2);
    for (const item of done.items) {
      expect(item).toMatchObject({ width: 1920, height: 1080, costFen: 6, prompt: "A lighthouse at dusk, waves below" });
      const still = await s.db.shotStill.findUniqueOrThrow({ where: { id: item.id } });
      expect(await ledgerKinds(still.callId)).toEqual([
        ["HOLD", 6],
        ["CHARGE", 6],
      ]);
      const call = await s.db.aiCall.findUniqueOrThrow({ where: { id: still.callId } });
      expect(call.request).toEqual({ prompt: "A lighthouse at dusk, waves below", size: "1344x768" });
      expect(await ffprobeSize(path.join(mediaDir, stillKey(still.callId)))).toEqual({ width: 1920, height: 1080, codec: "mjpeg" });
      // Served like other uploads: to a teammate who may view it, as a JPEG.
      const served = await r.upload.GET(getRequest(team.viewer, item.url!), ctx({ id: item.uploadId! }));
      expect(served.status, await served.clone().text()).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/jpeg");
    }
    // The same key answers the same stills: nothing queued or sent again. (The key is the one sent: the
    // batch's two calls share a creation time, so "the earliest call's key" could name the second's.)
    const again = (await (await make(shotId, { count: 2 }, team.member, key)).json()) as { created: number };
    expect(again.created).toBe(0);
    expect(sim.control.stats().requests.images).toBe(2);
  });

  it("portrait and square films get their nearest size, fitted to their frames", async () => {
    for (const [aspect, size, frame] of [
      ["9:16", "768x1344", { width: 1080, height: 1920 }],
      ["1:1", "1024x1024", { width: 1080, height: 1080 }],
    ] as const) {
      const shotId = await shotIn(aspect);
      expect((await make(shotId, { count: 1, prompt: "A paper boat on a pond" })).status).toBe(202);
      const [item] = (await settled(shotId, 1)).items;
      expect(item).toMatchObject({ state: "ready", prompt: "A paper boat on a pond", ...frame });
      const still = await s.db.shotStill.findUniqueOrThrow({ where: { id: item!.id } });
      expect((await s.db.aiCall.findUniqueOrThrow({ where: { id: still.callId } })).request).toMatchObject({ size });
      expect(await ffprobeSize(path.join(mediaDir, stillKey(still.callId)))).toMatchObject(frame);
    }
  });

  it("a budget too small for the whole batch refuses all of it: no call, no hold, nothing sent", async () => {
    const shotId = await shotIn("16:9");
    await s.db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: 10 } });
    const calls = await s.db.aiCall.count();
    const res = await make(shotId, { count: 2 });
    expect(res.status).toBe(402);
    const refusal = (await res.json()) as { error: { code: string; messages: { en: string; "zh-CN": string } } };
    expect(refusal.error.code).toBe("budget_instance_daily");
    // The refusal names the kind of call, in both languages.
    expect(refusal.error.messages.en).toContain("still image");
    expect(refusal.error.messages["zh-CN"]).toContain("静帧");
    expect(await s.db.aiCall.count()).toBe(calls);
    expect(await s.db.shotStill.count({ where: { shotId } })).toBe(0);
    expect(sim.control.stats().requests.images).toBe(0);
  });

  it("a viewer may list stills but not make or use them; bad input is refused with its field", async () => {
    const shotId = await shotIn("16:9");
    const refused = await make(shotId, { count: 1 }, team.viewer);
    expect(refused.status).toBe(403);
    expect((await list(shotId, team.viewer)).items).toEqual([]);
    const five = await make(shotId, { count: 5 });
    expect(five.status).toBe(422);
    const body = (await five.json()) as { error: { fields: { path: string; key: string }[]; message: { en: string; "zh-CN": string } } };
    expect(body.error.fields[0]).toMatchObject({ path: "count", key: "errors.field.still_count" });
    const empty = await shotIn("16:9", "");
    const noPrompt = await make(empty, { count: 1 });
    expect(noPrompt.status).toBe(422);
    expect(((await noPrompt.json()) as { error: { fields: { key: string }[] } }).error.fields[0]?.key).toBe("errors.field.still_prompt_required");
    expect(sim.control.stats().requests.images).toBe(0);
  });

  it("a chosen still is the first frame of the shot's image→video take; an end frame makes it start–end", async () => {
    const shotId = await shotIn("16:9");
    await make(shotId, { count: 2 });
    const [a, b] = (await settled(shotId, 2)).items;
    expect((await use(shotId, a!.id, "start", team.viewer)).status).toBe(403);
    const res = await use(shotId, a!.id, "start");
    expect(res.status).toBe(200);
    let shot = await s.db.shot.findUniqueOrThrow({ where: { id: shotId } });
    expect(shot).toMatchObject({ mode: "IMAGE", startKind: "STILL", startUploadId: a!.uploadId });
    const takes = await r.takes.POST(jsonRequest(`/api/shots/${shotId}/takes`, "POST", { count: 1 }, { cookie: team.member.cookie, origin: "http://localhost:3000", "idempotency-key": randomUUID() }), ctx({ shotId }));
    expect(takes.status).toBe(202);
    const { takeIds } = (await takes.json()) as { takeIds: string[] };
    const inputs = await s.db.generationInput.findMany({ where: { generationId: takeIds[0]! }, orderBy: { position: "asc" } });
    expect(inputs.map((i) => i.uploadId)).toEqual([a!.uploadId]);
    expect((await s.db.generation.findUniqueOrThrow({ where: { id: takeIds[0]! } })).mode).toBe("IMAGE");
    expect((await use(shotId, b!.id, "end")).status).toBe(200);
    shot = await s.db.shot.findUniqueOrThrow({ where: { id: shotId } });
    expect(shot).toMatchObject({ mode: "START_END", startUploadId: a!.uploadId, endKind: "STILL", endUploadId: b!.uploadId });
    // A still of another shot is not this shot's.
    const other = await shotIn("16:9");
    expect((await use(other, a!.id, "start")).status).toBe(404);
  });

  it("the gallery's Stills view lists a workspace's ready stills newest first, with film, shot and the picked one, in pages", async () => {
    const crew = await teamOfThree(s, `gallery-stills-${kind}-${randomUUID().slice(0, 6)}`);
    const film = await s.db.film.create({ data: { ownerId: crew.owner.id, teamId: crew.teamId, title: "Night market", aspect: "9:16" } });
    await s.db.shot.create({ data: { filmId: film.id, position: 0, mode: "TEXT", prompt: "Opening" } });
    // Positions have gaps after deletes and moves: the tile says the shot's number in the film's order.
    const shotId = (await s.db.shot.create({ data: { filmId: film.id, position: 7, mode: "TEXT", prompt: "Lanterns over a noodle stall", sceneHeading: "EXT. MARKET - NIGHT" } })).id;
    const gallery = async (user: StudioUser, qs: string) => {
      const res = await r.gallery.GET(getRequest(user, `/api/stills?${qs}`), ctx({}));
      return { status: res.status, body: (await res.json()) as GalleryStillsPage };
    };
    expect((await make(shotId, { count: 3 }, crew.member)).status).toBe(202);
    await waitFor("3 stills to be ready", async () => (await list(shotId, crew.member)).items.filter((i) => i.state === "ready").length === 3, 20_000);
    const made = (await list(shotId, crew.member)).items;
    expect((await use(shotId, made[1]!.id, "start", crew.member)).status).toBe(200);

    const first = await gallery(crew.viewer, `team=${crew.teamId}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await gallery(crew.viewer, `team=${crew.teamId}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items];
    // Each once, newest first (ties by id, as the cursor reads them).
    expect(all.map((i) => i.id).sort()).toEqual(made.map((i) => i.id).sort());
    const key = (i: { createdAt: string; id: string }) => `${i.createdAt}|${i.id}`;
    expect(all.map(key)).toEqual(all.map(key).sort().reverse());
    for (const item of all) {
      expect(item).toMatchObject({ width: 1080, height: 1920, costFen: 6, prompt: "Lanterns over a noodle stall", film: { id: film.id, title: "Night market" }, shot: { id: shotId, number: 2, sceneHeading: "EXT. MARKET - NIGHT" } });
      expect(item.url).toMatch(/^\/api\/media\/signed\//);
    }
    expect(all.map((i) => [i.id, i.usedAs])).toEqual(all.map((i) => [i.id, i.id === made[1]!.id ? "start" : null]));
    // Another team's member gets 404 for this team; the member's personal workspace does not hold them.
    expect((await gallery(team.member, `team=${crew.teamId}`)).status).toBe(404);
    expect((await gallery(crew.member, "")).body.items.filter((i) => i.film.id === film.id)).toEqual([]);
    // A bad cursor is a field error, not a 500.
    const bad = await gallery(crew.viewer, `team=${crew.teamId}&cursor=nope`);
    expect(bad.status).toBe(422);
  });

  it("the store step runs again without sending again: same object, same row, one charge", async () => {
    const shotId = await shotIn("16:9");
    await make(shotId, { count: 1 });
    const [item] = (await settled(shotId, 1)).items;
    const still = await s.db.shotStill.findUniqueOrThrow({ where: { id: item!.id } });
    const before = fs.readFileSync(path.join(mediaDir, stillKey(still.callId)));
    // As if the worker died after the object was put and before the row was committed.
    await s.db.shotStill.update({ where: { id: still.id }, data: { uploadId: null } });
    await s.db.job.updateMany({
      where: { subjectId: still.callId },
      data: { status: "ACTIVE", step: "store", inLane: false, leaseOwner: "dead-worker", leaseUntil: new Date(Date.now() - 60_000), runAt: new Date(Date.now() - 60_000), finishedAt: null },
    });
    worker.nudge();
    await waitFor("the still to be stored again", async () => (await s.db.shotStill.findUniqueOrThrow({ where: { id: still.id } })).uploadId === item!.uploadId, 15_000);
    expect(await s.db.upload.count({ where: { id: item!.uploadId! } })).toBe(1);
    expect(fs.readFileSync(path.join(mediaDir, stillKey(still.callId))).equals(before)).toBe(true);
    expect(await ledgerKinds(still.callId)).toEqual([
      ["HOLD", 6],
      ["CHARGE", 6],
    ]);
    expect(sim.control.stats().requests.images).toBe(1);
    expect((await s.db.job.findFirstOrThrow({ where: { subjectId: still.callId } })).status).toBe("DONE");
  });

  it("a dead image link fails the still as expired and keeps its charge; a flaky one is retried", async () => {
    const shotId = await shotIn("16:9");
    sim.control.inject({ type: "status", status: 403, target: "file" });
    await make(shotId, { count: 1 });
    const [dead] = (await settled(shotId, 1)).items;
    expect(dead).toMatchObject({ state: "failed", errorCode: "expired", costFen: 6, url: null });
    const still = await s.db.shotStill.findUniqueOrThrow({ where: { id: dead!.id } });
    expect(await ledgerKinds(still.callId)).toEqual([
      ["HOLD", 6],
      ["CHARGE", 6],
    ]);
    expect(fs.existsSync(path.join(mediaDir, stillKey(still.callId)))).toBe(false);
    const flaky = await shotIn("16:9");
    sim.control.inject({ type: "status", status: 503, target: "file", count: 1 });
    await make(flaky, { count: 1 });
    const [ok] = (await settled(flaky, 1)).items;
    expect(ok?.state).toBe("ready");
  });

  it("a still call found SENDING after a crash is not sent again: failed unconfirmed, hold kept", async () => {
    const shotId = await shotIn("16:9");
    const id = await s.db.$transaction(async (tx) => {
      const call = await tx.aiCall.create({
        data: { kind: "STILL", purpose: "still.shot", ownerId: team.member.id, teamId: team.teamId, model: "cogview-4-250304", status: "SENDING", attempt: 1, costFen: 6, request: { prompt: "x", size: "1344x768" }, idemKey: randomUUID(), paramsHash: "x" },
        select: { id: true, ownerId: true, teamId: true, costFen: true },
      });
      await holdCall(tx, call);
      await tx.shotStill.create({ data: { shotId, callId: call.id, prompt: "x" } });
      await enqueueJob(tx, { kind: AI_CALL_JOB, subjectId: call.id, lane: aiCallLane("STILL"), step: "send" });
      return call.id;
    });
    worker.nudge();
    const [item] = (await settled(shotId, 1)).items;
    expect(item).toMatchObject({ state: "failed", errorCode: "unconfirmed", costFen: 6 });
    expect(await ledgerKinds(id)).toEqual([["HOLD", 6]]);
    expect(sim.control.stats().requests.images).toBe(0);
  });

  it("an unsafe description is refused by the platform and refunded in full", async () => {
    const shotId = await shotIn("16:9");
    await make(shotId, { count: 1, prompt: "UNSAFE scene" });
    const [item] = (await settled(shotId, 1)).items;
    expect(item).toMatchObject({ state: "failed", errorCode: "unsafe_content", costFen: 0 });
    const still = await s.db.shotStill.findUniqueOrThrow({ where: { id: item!.id } });
    expect((await ledgerKinds(still.callId)).map(([k]) => k)).toEqual(["HOLD", "REFUND"]);
  });
});
