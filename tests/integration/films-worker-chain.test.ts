import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCut } from "@/lib/server/films/build-cut";
import { createFilm, getFilm } from "@/lib/server/films/films";
import { makeTakes } from "@/lib/server/films/make-takes";
import { addShot } from "@/lib/server/films/shots";
import type { Access } from "@/lib/server/permissions";
import type { RunningWorker } from "@/lib/server/worker/start-worker";
import { createShotSchema } from "@/lib/shared/film/film-schemas";
import { checkFrameInvariants } from "@/tests/support/frame-invariants";
import { waitFor } from "@/tests/support/wait-for";
import { seedUser, startHarness, type Harness, startHarnessWorker } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";

// A film's chained shot with a real worker and the simulator: shot 2 starts from shot 1's exact last
// frame. Both takes are asked for at once, before anything ran: shot 2's take waits (video job →
// last-frame job → video job), then runs from the frame, and its first input is that frame — READY,
// linked to shot 1's take. When shot 1's take fails, shot 2's never reaches the upstream, is
// refunded, and the film shows it blocked. The worker oracles check money, storage and frames.
// Deadlines are generous: the simulator renders each mode's clip once per machine (render cache),
// which under load took over two minutes on the first run.

const SPEED = 200;
let h: Harness;
let worker: RunningWorker | undefined;
let access: Access;

beforeEach(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5 });
  const id = await seedUser(h.db);
  access = { actor: { id, email: "chain@example.test", name: null, role: "USER", locale: null, sessionVersion: 0, sessionId: "no-session" }, roles: new Map() };
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await h?.close();
});

const mediaRoot = () => path.join(h.dir, "media");
const ended = (takeId: string) => async () => {
  const g = await h.db.generation.findUniqueOrThrow({ where: { id: takeId } });
  return ["STORED", "FAILED", "REJECTED", "EXPIRED", "ORPHANED", "CANCELLED"].includes(g.status) ? g : null;
};

async function storyboard() {
  const film = await createFilm(h.db, access, { kind: "personal" }, { title: "Chain", aspect: "16:9", style: "general" }, "127.0.0.1");
  await addShot(h.db, access, film.id, createShotSchema.parse({ mode: "text", prompt: "A paper boat drifts down a rainy street" }), "127.0.0.1");
  const full = await addShot(h.db, access, film.id, createShotSchema.parse({ mode: "image", prompt: "The boat reaches the canal", start: { kind: "previous" } }), "127.0.0.1");
  const [one, two] = full.shots;
  const t1 = (await makeTakes(h.db, access, one!.id, 1, "chain-take-one", "127.0.0.1")).takeIds[0]!;
  const t2 = (await makeTakes(h.db, access, two!.id, 1, "chain-take-two", "127.0.0.1")).takeIds[0]!;
  return { film, t1, t2 };
}

describe("a film's chained shot with the worker", () => {
  it("runs the chained take from the previous take's exact last frame once that take is stored", { timeout: 330_000 }, async () => {
    const { film, t1, t2 } = await storyboard();
    expect((await getFilm(h.db, access, film.id)).shots.map((s) => s.status)).toEqual(["generating", "generating"]);
    worker = startHarnessWorker(h, { timeScale: SPEED });
    const second = await waitFor("the chained take to end", ended(t2), 240_000).catch(async (e: unknown) => {
      const jobs = await h.db.job.findMany({ select: { kind: true, subjectId: true, status: true, step: true, errorCode: true, errorMessage: true, runAt: true } });
      const takes = await h.db.generation.findMany({ select: { id: true, status: true, errorCode: true, errorMessage: true } });
      throw new Error(`${String(e)}\njobs ${JSON.stringify(jobs)}\ntakes ${JSON.stringify(takes)}`);
    });
    expect(second.status).toBe("STORED");
    const first = await h.db.generation.findUniqueOrThrow({ where: { id: t1 } });
    expect(first.status).toBe("STORED");
    // It started after the first was stored, from the frame that the frame job stored.
    expect(second.submittedAt!.getTime()).toBeGreaterThanOrEqual(first.finishedAt!.getTime());
    const input = await h.db.generationInput.findFirstOrThrow({ where: { generationId: t2, position: 0 }, include: { upload: true } });
    expect(input.upload).toMatchObject({ status: "READY", frameOfId: t1, width: 1920, height: 1080 });
    const png = await sharp(fs.readFileSync(path.join(mediaRoot(), ...input.upload.storageKey.split("/")))).metadata();
    expect([png.width, png.height]).toEqual([1920, 1080]);

    const view = await getFilm(h.db, access, film.id);
    expect(view.shots.map((s) => s.status)).toEqual(["ready", "ready"]);
    expect(view.shots[1]!.takes[0]!.sourceTakeId).toBe(t1);
    const { cut, problems } = await buildCut(h.db, access, film.id);
    expect(cut.clips.map((c) => c.shotId)).toEqual(view.shots.map((s) => s.id));
    expect(problems).toEqual([]);
    await waitFor("every job to end", async () => ((await h.db.job.count({ where: { status: { in: ["BLOCKED", "QUEUED", "ACTIVE"] } } })) === 0 ? true : null), 60_000);
    expect(await checkFrameInvariants(h.db, mediaRoot())).toEqual({ DONE: 1 });
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
  });

  it("a failed source take fails the chained take before the upstream, refunds it, and blocks the shot", { timeout: 330_000 }, async () => {
    h.sim.control.set({ failRate: 1 });
    const { film, t2 } = await storyboard();
    worker = startHarnessWorker(h, { timeScale: SPEED });
    const second = await waitFor("the chained take to end", ended(t2), 240_000);
    expect(second).toMatchObject({ status: "FAILED", errorCode: "dependency_failed" });
    expect((await h.db.ledgerEntry.findMany({ where: { generationId: t2 }, select: { kind: true } })).map((e) => e.kind).sort()).toEqual(["HOLD", "REFUND"]);
    const view = await getFilm(h.db, access, film.id);
    expect(view.shots[1]).toMatchObject({ status: "blocked", blockReason: "source_failed" });
    await waitFor("every job to end", async () => ((await h.db.job.count({ where: { status: { in: ["BLOCKED", "QUEUED", "ACTIVE"] } } })) === 0 ? true : null), 60_000);
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
  });
});
