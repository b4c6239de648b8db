import fs from "node:fs";
import type { Storage } from "@/lib/server/storage";
import { type FixtureClip, fixtureClip } from "../support/film-fixtures";
import type { Studio, StudioUser } from "./generations-api-support";

// Shared by the films integration tests: the films route modules (imported after setupStudio, so they
// bind to that test's database) and the two answer checks (a success with its status; a refusal with
// its code and both languages' messages).

export { type ErrorBody, expectOk as ok, expectRefused as refused } from "../support/route-answers";

export async function loadFilmRoutes() {
  return {
    films: await import("@/app/api/films/route"),
    film: await import("@/app/api/films/[filmId]/route"),
    shots: await import("@/app/api/films/[filmId]/shots/route"),
    order: await import("@/app/api/films/[filmId]/shots/order/route"),
    cut: await import("@/app/api/films/[filmId]/cut/route"),
    comments: await import("@/app/api/films/[filmId]/comments/route"),
    shot: await import("@/app/api/shots/[shotId]/route"),
    duplicate: await import("@/app/api/shots/[shotId]/duplicate/route"),
    chosen: await import("@/app/api/shots/[shotId]/chosen-take/route"),
    review: await import("@/app/api/shots/[shotId]/review/route"),
    takes: await import("@/app/api/shots/[shotId]/takes/route"),
    estimate: await import("@/app/api/shots/[shotId]/takes/estimate/route"),
    comment: await import("@/app/api/comments/[commentId]/route"),
    references: await import("@/app/api/references/route"),
    reference: await import("@/app/api/references/[referenceId]/route"),
  };
}

/** A team with an owner, a member and a viewer (signed in), named after the test. */
export async function teamOfThree(s: Studio, tag: string): Promise<{ teamId: string; owner: StudioUser; member: StudioUser; viewer: StudioUser }> {
  const owner = await s.user(`${tag}-owner@example.test`);
  const member = await s.user(`${tag}-member@example.test`);
  const viewer = await s.user(`${tag}-viewer@example.test`);
  const memberships = [
    { userId: owner.id, role: "OWNER" as const },
    { userId: member.id, role: "MEMBER" as const },
    { userId: viewer.id, role: "VIEWER" as const },
  ];
  const team = await s.db.team.create({ data: { name: `Team ${tag}`, memberships: { create: memberships } } });
  return { teamId: team.id, owner, member, viewer };
}

/**
 * Makes a queued take STORED the way the video job leaves it: the fixture clip put into storage under
 * the take's key, its VIDEO asset, and its jobs DONE (for tests that need a usable take without a
 * video worker). `store` must be the routes' storage instance.
 */
export async function storeTakeVideo(s: Studio, store: Storage, takeId: string, clip: FixtureClip, durationMs: number): Promise<void> {
  const { clipKey } = await import("@/lib/server/storage");
  const key = clipKey(takeId, "video.mp4");
  const put = await store.put(key, fs.createReadStream(fixtureClip(clip)), { contentType: "video/mp4" });
  await s.db.generation.update({ where: { id: takeId }, data: { status: "STORED", durationMs, finishedAt: new Date() } });
  await s.db.asset.create({ data: { generationId: takeId, kind: "VIDEO", storageKey: key, mime: "video/mp4", bytes: put.bytes, sha256: put.sha256, width: clip.width, height: clip.height, durationMs } });
  await s.db.job.updateMany({ where: { subjectId: takeId }, data: { status: "DONE", finishedAt: new Date() } });
}
