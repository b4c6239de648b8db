import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFilm, getFilm } from "@/lib/server/films/films";
import { estimateMissing, generateMissing } from "@/lib/server/films/generate-missing";
import { addShot } from "@/lib/server/films/shots";
import type { Access } from "@/lib/server/permissions";
import type { RunningWorker } from "@/lib/server/worker/start-worker";
import { createShotSchema } from "@/lib/shared/film/film-schemas";
import { checkFrameInvariants } from "@/tests/support/frame-invariants";
import { waitFor } from "@/tests/support/wait-for";
import { seedUser, startHarness, type Harness, startHarnessWorker } from "@/tests/support/worker-harness";
import { sharedClipRender } from "@/tests/support/simulator-fixtures";
import { checkInvariants } from "@/tests/support/worker-invariants";

// "Generate missing shots" with a real worker and the simulator: a film of 4 shots where shots 2 and
// 3 each start from the previous shot's last frame, all queued by one batch before anything ran.
// The chain runs in dependency order — shot 2's take reaches the upstream only after shot 1's take is
// stored, shot 3's only after shot 2's — each from the exact frame of the take the batch made for
// the shot before it, while the unchained shot runs at once. The worker oracles check the money
// (one HOLD per take, CHARGE = accepts, no REFUND) and the frames. The simulator hands every image
// task one shared clip (sharedClipRender): what is tested is our schedule, not its ffmpeg.

const SPEED = 200;
let h: Harness;
let worker: RunningWorker | undefined;
let access: Access;

beforeEach(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5, render: sharedClipRender });
  const id = await seedUser(h.db);
  access = { actor: { id, email: "batch@example.test", name: null, role: "USER", locale: null, sessionVersion: 0, sessionId: "no-session" }, roles: new Map() };
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await h?.close();
});

const ended = (takeId: string) => async () => {
  const g = await h.db.generation.findUniqueOrThrow({ where: { id: takeId } });
  return ["STORED", "FAILED", "REJECTED", "EXPIRED", "ORPHANED", "CANCELLED"].includes(g.status) ? g : null;
};

describe("generate missing shots with the worker", () => {
  it("queues the whole film at once and runs chained shots in dependency order", { timeout: 330_000 }, async () => {
    const film = await createFilm(h.db, access, { kind: "personal" }, { title: "Batch chain", aspect: "16:9", style: "general" }, "127.0.0.1");
    const shot = (body: object) => addShot(h.db, access, film.id, createShotSchema.parse(body), "127.0.0.1");
    await shot({ mode: "text", prompt: "A paper boat drifts down a rainy street" });
    await shot({ mode: "image", prompt: "The boat reaches the canal", start: { kind: "previous" } });
    await shot({ mode: "image", prompt: "The boat passes under a bridge", start: { kind: "previous" } });
    await shot({ mode: "text", prompt: "Lanterns over the harbour" });

    const est = await estimateMissing(h.db, access, film.id, 1);
    expect(est.shots.map((x) => x.chained)).toEqual([false, true, true, false]);
    const batch = await generateMissing(h.db, access, film.id, { takes: 1, expectTotalFen: est.totalFen }, "batch-worker-key", "127.0.0.1");
    const [t1, t2, t3, t4] = batch.takes.map((t) => t.takeId);
    expect(batch.takes).toHaveLength(4);

    worker = startHarnessWorker(h, { timeScale: SPEED });
    const third = await waitFor("the last chained take to end", ended(t3!), 240_000).catch(async (e: unknown) => {
      const jobs = await h.db.job.findMany({ select: { kind: true, subjectId: true, status: true, step: true, errorCode: true, errorMessage: true } });
      throw new Error(`${String(e)}\njobs ${JSON.stringify(jobs)}`);
    });
    await waitFor("the unchained take to end", ended(t4!), 120_000);
    const takes = await h.db.generation.findMany({ where: { id: { in: [t1!, t2!, t3!, t4!] } } });
    const by = new Map(takes.map((g) => [g.id, g]));
    const why = JSON.stringify(takes.map((g) => [g.status, g.errorCode, g.errorMessage]));
    expect([by.get(t1!)!.status, by.get(t2!)!.status, third.status], why).toEqual(["STORED", "STORED", "STORED"]);
    // Dependency order: each chained take was sent after the take it starts from was stored.
    expect(by.get(t2!)!.submittedAt!.getTime()).toBeGreaterThanOrEqual(by.get(t1!)!.finishedAt!.getTime());
    expect(third.submittedAt!.getTime()).toBeGreaterThanOrEqual(by.get(t2!)!.finishedAt!.getTime());
    // The unchained last shot did not wait for the chain.
    expect(by.get(t4!)!.submittedAt!.getTime()).toBeLessThan(by.get(t2!)!.submittedAt!.getTime());
    for (const [take, source] of [[t2!, t1!], [t3!, t2!]] as const) {
      const input = await h.db.generationInput.findFirstOrThrow({ where: { generationId: take, position: 0 }, include: { upload: true } });
      expect(input.upload).toMatchObject({ status: "READY", frameOfId: source, width: 1920, height: 1080 });
    }
    const view = await getFilm(h.db, access, film.id);
    expect(view.shots.map((x) => [x.status, x.chosenTakeId])).toEqual([["ready", t1], ["ready", t2], ["ready", t3], ["ready", t4]]);
    await waitFor("every job to end", async () => ((await h.db.job.count({ where: { status: { in: ["BLOCKED", "QUEUED", "ACTIVE"] } } })) === 0 ? true : null), 60_000);
    expect(await checkFrameInvariants(h.db, `${h.dir}/media`)).toEqual({ DONE: 2 });
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: `${h.dir}/media` });
  });
});
