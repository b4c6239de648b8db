import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lastFrameJob } from "@/lib/server/frames/last-frame-job";
import { DERIVATIVES_JOB, derivativesJob } from "@/lib/server/generations/derivatives/derivatives-job";
import { retryDerivatives } from "@/lib/server/generations/derivatives/retry-derivatives";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { videoJob } from "@/lib/server/generations/video-job/kind";
import type { JobKind } from "@/lib/server/jobs/job-kind";
import { logger } from "@/lib/server/logger";
import { makePreview } from "@/lib/server/media/ffmpeg";
import type { RunningWorker } from "@/lib/server/worker/start-worker";
import { userAccess } from "@/tests/support/user-access";
import { waitFor } from "@/tests/support/wait-for";
import { queueTextClips, seedUser, startHarness, startHarnessWorker, waitAllTerminal, type Harness } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";

// A take is playable as soon as its video is verified and stored; the poster and the preview come
// afterwards from the clip-derivatives job. Here the runner is started without that kind first, so
// the moment between "playable" and "poster ready" can be looked at, then with it. A poster that
// fails leaves the take STORED and playable, and can be made again.

const SPEED = 200;
const DEADLINE = 180_000;
let h: Harness;
let worker: RunningWorker | undefined;
let ownerId: string;

beforeEach(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5 });
  ownerId = await seedUser(h.db);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await h?.close();
});

const mediaRoot = () => path.join(h.dir, "media");
const clipFile = (id: string, file: string) => path.join(mediaRoot(), "clips", id, file);
const access = async () => userAccess(h.db, await h.db.user.findUniqueOrThrow({ where: { id: ownerId } }));
const derivativesJobOf = (id: string) => h.db.job.findUnique({ where: { kind_subjectId: { kind: DERIVATIVES_JOB, subjectId: id } } });

async function runWith(kinds: readonly JobKind[]): Promise<void> {
  await worker?.stop();
  worker = startHarnessWorker(h, { timeScale: SPEED, kinds });
}

/** A STORED take whose derivatives job is queued but not run (the runner knows only the video kind). */
async function storedWithoutPoster(): Promise<string> {
  const [id] = await queueTextClips(h.db, ownerId, 1);
  await runWith([videoJob, lastFrameJob]);
  await waitFor("the take to be STORED", async () => (await h.db.generation.findUnique({ where: { id: id! } }))?.status === "STORED", DEADLINE);
  await worker?.stop();
  worker = undefined;
  return id!;
}

async function jobEnded(id: string): Promise<string> {
  return waitFor("the derivatives job to end", async () => {
    const s = (await derivativesJobOf(id))?.status;
    return s === "DONE" || s === "FAILED" ? s : null;
  }, DEADLINE);
}

describe("clip derivatives", () => {
  it(
    "a take is playable at STORED with its poster pending, and the poster arrives with a newer updatedAt",
    async () => {
      const id = await storedWithoutPoster();
      const stored = await generationViewFor(h.db, await access(), id);
      expect(stored.status).toBe("STORED");
      expect(stored.media.video?.url).toMatch(new RegExp(`^/api/media/signed/clips/${id}/video\\.mp4\\?`));
      expect(stored.media.poster).toBeUndefined();
      expect(stored.derivatives).toBe("pending");
      expect((await derivativesJobOf(id))?.status).toBe("QUEUED");
      expect(fs.existsSync(clipFile(id, "poster.jpg"))).toBe(false);

      const info = vi.spyOn(logger, "info");
      await runWith([videoJob, derivativesJob, lastFrameJob]);
      expect(await jobEnded(id)).toBe("DONE");
      // One ffmpeg run made both: the preview step took the preview the poster's step stored, read no
      // video, and left nothing in scratch; it is the file makePreview makes from the video.
      const made = info.mock.calls.filter(([msg]) => msg === "derivatives.made").map(([, f]) => [f?.file, f?.fromPosterRun]);
      info.mockRestore();
      expect(made).toEqual([
        ["poster.jpg", false],
        ["preview.mp4", true],
      ]);
      // The step removes its folder after its commit, so DONE can be seen a moment before that.
      await waitFor("the steps' scratch folders to be removed", async () => fs.readdirSync(path.join(h.dir, "scratch")).every((f) => !f.startsWith(`derive-${id}`)), DEADLINE);
      const apart = path.join(h.dir, "preview-apart.mp4");
      await makePreview(clipFile(id, "video.mp4"), apart);
      expect(fs.readFileSync(clipFile(id, "preview.mp4")).equals(fs.readFileSync(apart))).toBe(true);
      const ready = await generationViewFor(h.db, await access(), id);
      expect(ready.derivatives).toBe("ready");
      expect(ready.media.poster?.url).toMatch(new RegExp(`^/api/media/signed/clips/${id}/poster\\.jpg\\?`));
      expect(ready.media.preview?.url).toMatch(new RegExp(`^/api/media/signed/clips/${id}/preview\\.mp4\\?`));
      // The live stream re-sends rows whose updatedAt moved: the poster's arrival moved it.
      expect(Date.parse(ready.updatedAt)).toBeGreaterThan(Date.parse(stored.updatedAt));
      await waitAllTerminal(h.db, DEADLINE);
      await worker?.stop();
      worker = undefined;
      expect(await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() })).toEqual({ STORED: 1 });
    },
    3 * DEADLINE,
  );

  it(
    "a job at its preview step with no preview stored by the poster's run (queued before they were made together) makes it from the video",
    async () => {
      const id = await storedWithoutPoster();
      const job = await derivativesJobOf(id);
      await h.db.job.update({ where: { id: job!.id }, data: { step: "preview" } });
      const info = vi.spyOn(logger, "info");
      await runWith([derivativesJob]);
      expect(await jobEnded(id)).toBe("DONE");
      const made = info.mock.calls.filter(([msg]) => msg === "derivatives.made").map(([, f]) => [f?.file, f?.fromPosterRun]);
      info.mockRestore();
      expect(made).toEqual([["preview.mp4", false]]);
      const apart = path.join(h.dir, "preview-apart.mp4");
      await makePreview(clipFile(id, "video.mp4"), apart);
      expect(fs.readFileSync(clipFile(id, "preview.mp4")).equals(fs.readFileSync(apart))).toBe(true);
      const assets = await h.db.asset.findMany({ where: { generationId: id }, select: { kind: true } });
      expect(assets.map((a) => a.kind).sort()).toEqual(["COVER", "PREVIEW", "VIDEO"]);
    },
    3 * DEADLINE,
  );

  it(
    "a failed poster leaves the take STORED and playable; making it again succeeds once",
    async () => {
      const id = await storedWithoutPoster();
      // The stored video becomes unreadable for ffmpeg: the derivatives job fails for its media.
      const video = clipFile(id, "video.mp4");
      const original = fs.readFileSync(video);
      fs.writeFileSync(video, Buffer.alloc(original.length, 7));
      await runWith([derivativesJob]);
      expect(await jobEnded(id)).toBe("FAILED");
      expect((await derivativesJobOf(id))?.errorCode).toBe("media_invalid");
      const take = await h.db.generation.findUniqueOrThrow({ where: { id }, include: { assets: true, ledger: true } });
      expect(take.status).toBe("STORED");
      expect(take.assets.map((a) => a.kind).sort()).toEqual(["COVER", "VIDEO"]);
      expect(take.ledger.map((l) => l.kind).sort()).toEqual(["CHARGE", "HOLD"]); // no refund: the clip was delivered
      const failed = await generationViewFor(h.db, await access(), id);
      expect(failed.derivatives).toBe("failed");
      expect(failed.media.video).toBeDefined();
      expect(fs.existsSync(clipFile(id, "poster.jpg")) || fs.existsSync(clipFile(id, "preview.mp4"))).toBe(false);

      fs.writeFileSync(video, original);
      const [first, second] = [await retryDerivatives(h.db, await access(), id), await retryDerivatives(h.db, await access(), id)];
      expect([first.queued, second.queued]).toEqual([true, false]);
      expect(first.view.derivatives).toBe("pending");
      expect(await h.db.job.count({ where: { kind: DERIVATIVES_JOB, subjectId: id } })).toBe(1);
      expect(await jobEnded(id)).toBe("DONE");
      expect((await generationViewFor(h.db, await access(), id)).derivatives).toBe("ready");
      // Nothing more to make: the view, unchanged.
      expect((await retryDerivatives(h.db, await access(), id)).queued).toBe(false);
      await worker?.stop();
      worker = undefined;
      expect(await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() })).toEqual({ STORED: 1 });
    },
    3 * DEADLINE,
  );
});
