import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueLastFrameJob, LAST_FRAME_JOB } from "@/lib/server/frames/last-frame-job";
import { VIDEO_JOB, enqueueVideoJob, videoJob } from "@/lib/server/generations/video-job/kind";
import { cancelJob } from "@/lib/server/jobs/cancel-job";
import type { RunningWorker } from "@/lib/server/worker/start-worker";
import { checkFrameInvariants } from "@/tests/support/frame-invariants";
import { waitFor } from "@/tests/support/wait-for";
import { queueTextClips, seedUser, startHarness, type Harness, startHarnessWorker, waitAllTerminal } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";

// Jobs that wait for jobs: a take's last frame waits for the take's video; a chained take waits for
// the frame of the take before it. A dependency that ends without a result fails its dependants
// (reason dependency_failed) and refunds their holds; the simulator never sees the chained take.
// The frame is the exact last frame of the stored video (pixel-equal to ffmpeg's own last frame).

const SPEED = 200;
let h: Harness;
let worker: RunningWorker | undefined;
let owner: string;

beforeEach(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5 });
  owner = await seedUser(h.db);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await h?.close();
});

const mediaRoot = () => path.join(h.dir, "media");
const run = () => {
  worker = startHarnessWorker(h, { timeScale: SPEED });
  return worker;
};
const jobOf = (kind: string, subjectId: string) => h.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind, subjectId } } });
const ended = (kind: string, subjectId: string) => async () => {
  const j = await jobOf(kind, subjectId);
  return ["DONE", "FAILED", "CANCELLED"].includes(j.status) ? j : null;
};

/** A take's frame job, waiting for the take's video job. */
async function frameAfter(takeId: string): Promise<string> {
  const video = await jobOf(VIDEO_JOB, takeId);
  return h.db.$transaction((tx) => enqueueLastFrameJob(tx, takeId, [video.id]));
}

/** Rewires a queued take's video job to wait for `jobId` (a chained take). */
async function chain(takeId: string, jobId: string): Promise<void> {
  const video = await jobOf(VIDEO_JOB, takeId);
  await h.db.job.update({ where: { id: video.id }, data: { status: "BLOCKED", dependsOn: { create: { dependsOnId: jobId } } } });
}

describe("job dependencies", () => {
  it("runs a frame after its take is stored, and the frame is the video's exact last frame", async () => {
    const [take] = await queueTextClips(h.db, owner, 1);
    const frameJob = await frameAfter(take ?? "");
    expect((await h.db.job.findUniqueOrThrow({ where: { id: frameJob } })).status).toBe("BLOCKED");
    run();
    const done = await waitFor("the frame job to end", ended(LAST_FRAME_JOB, take ?? ""), 120_000);
    expect(done.status).toBe("DONE");
    expect(await checkFrameInvariants(h.db, mediaRoot())).toEqual({ DONE: 1 });
    // The take's poster and preview are made after STORED by their own job: the oracle checks them once it ended.
    await waitAllTerminal(h.db, 120_000);
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });

    // ffmpeg's own last frame of the stored video, decoded independently: the same pixels.
    const video = await h.db.asset.findFirstOrThrow({ where: { generationId: take, kind: "VIDEO" } });
    const videoFile = path.join(mediaRoot(), ...video.storageKey.split("/"));
    const frames = Number(execFileSync("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", videoFile]).toString().trim());
    const reference = path.join(h.dir, "reference.png");
    execFileSync("ffmpeg", ["-v", "error", "-y", "-i", videoFile, "-vf", `select=eq(n\\,${frames - 1})`, "-vsync", "0", "-frames:v", "1", reference]);
    const upload = await h.db.upload.findUniqueOrThrow({ where: { id: (done.result as { uploadId: string }).uploadId } });
    const ours = await sharp(fs.readFileSync(path.join(mediaRoot(), ...upload.storageKey.split("/")))).raw().toBuffer();
    const theirs = await sharp(reference).raw().toBuffer();
    expect(ours.equals(theirs)).toBe(true);
    // And not merely any frame: the first frame differs from it (the simulator's clips move).
    const first = path.join(h.dir, "first.png");
    execFileSync("ffmpeg", ["-v", "error", "-y", "-i", videoFile, "-frames:v", "1", first]);
    expect((await sharp(first).raw().toBuffer()).equals(ours)).toBe(false);
  });

  it("fails what waits for a failed take — its frame and the take chained to it — and refunds the chained take", async () => {
    h.sim.control.set({ failRate: 1 });
    const [a, b] = await queueTextClips(h.db, owner, 2);
    const frameA = await frameAfter(a ?? "");
    await chain(b ?? "", frameA);
    run();
    const chained = await waitFor("the chained take's job to end", ended(VIDEO_JOB, b ?? ""), 120_000);
    expect(chained).toMatchObject({ status: "FAILED", errorCode: "dependency_failed" });
    expect(await jobOf(LAST_FRAME_JOB, a ?? "")).toMatchObject({ status: "FAILED", errorCode: "dependency_failed" });
    const takes = await h.db.generation.findMany({ where: { id: { in: [a ?? "", b ?? ""] } }, include: { ledger: true }, orderBy: { createdAt: "asc" } });
    const byId = new Map(takes.map((t) => [t.id, t]));
    expect(byId.get(a ?? "")).toMatchObject({ status: "FAILED", errorCode: "upstream_failed" });
    expect(byId.get(b ?? "")).toMatchObject({ status: "FAILED", errorCode: "dependency_failed" });
    expect(byId.get(b ?? "")?.ledger.map((l) => l.kind).sort()).toEqual(["HOLD", "REFUND"]);
    // The chained take never reached the upstream: one accept only (take a's).
    expect(h.sim.control.stats().totalAccepts).toBe(1);
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
    expect(await checkFrameInvariants(h.db, mediaRoot())).toEqual({ FAILED: 1 });
  });

  it("cancelling a waiting take refunds it and fails the frame waiting for it", async () => {
    const [a] = await queueTextClips(h.db, owner, 1);
    await frameAfter(a ?? "");
    expect(await cancelJob(h.db, videoJob, { subjectId: a ?? "" })).toBe(true);
    expect(await cancelJob(h.db, videoJob, { subjectId: a ?? "" })).toBe(false); // once
    run();
    const frame = await waitFor("the frame job to end", ended(LAST_FRAME_JOB, a ?? ""), 60_000);
    expect(frame).toMatchObject({ status: "FAILED", errorCode: "dependency_failed" });
    const take = await h.db.generation.findUniqueOrThrow({ where: { id: a }, include: { ledger: true } });
    expect(take).toMatchObject({ status: "CANCELLED", errorCode: "cancelled" });
    expect(take.ledger.map((l) => l.kind).sort()).toEqual(["HOLD", "REFUND"]);
    expect(h.sim.control.stats().totalAccepts).toBe(0);
  });

  it("a chained take waits for the frame it continues from, then runs", async () => {
    const [a, b] = await queueTextClips(h.db, owner, 2);
    const frameA = await frameAfter(a ?? "");
    await chain(b ?? "", frameA);
    run();
    const chained = await waitFor("the chained take to end", ended(VIDEO_JOB, b ?? ""), 120_000);
    expect(chained.status).toBe("DONE");
    const [fa, vb] = [await jobOf(LAST_FRAME_JOB, a ?? ""), chained];
    // Order: a's frame finished before b's video job was allowed to start.
    const bTake = await h.db.generation.findUniqueOrThrow({ where: { id: b } });
    expect(fa.finishedAt && bTake.submittedAt && fa.finishedAt.getTime() <= bTake.submittedAt.getTime()).toBe(true);
    expect(vb.status).toBe("DONE");
    await waitAllTerminal(h.db, 120_000); // both takes' posters and previews, made after STORED
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: mediaRoot() });
  });
});

// The enqueue helper a later film feature uses: one video job per take, unique per (kind, subject).
describe("enqueue", () => {
  it("refuses a second video job for the same take", async () => {
    const [a] = await queueTextClips(h.db, owner, 1);
    await expect(h.db.$transaction((tx) => enqueueVideoJob(tx, { id: a ?? "", model: "viduq1-text" }))).rejects.toMatchObject({ code: "P2002" });
  });
});
