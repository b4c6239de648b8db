import fs from "node:fs";
import type { Storage } from "@/lib/server/storage";
import { type FixtureClip, fixtureClip } from "../support/film-fixtures";
import type { FilmView } from "@/lib/shared/film/film-views";
import type { VoiceView } from "@/lib/shared/film/voice";
import { expectOk, sendAs } from "../support/route-answers";
import { waitFor } from "../support/wait-for";
import { ctx, getRequest, type Studio, type StudioUser } from "./generations-api-support";

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

type FilmsRoute = typeof import("@/app/api/films/route");
type ShotsRoute = typeof import("@/app/api/films/[filmId]/shots/route");
type TakesRoute = typeof import("@/app/api/shots/[shotId]/takes/route");
type VoiceRoute = typeof import("@/app/api/shots/[shotId]/voice/route");

/** A 16:9 film of the given shots (in a team when `teamId` is given), made through the routes as `user` would: its id and its shots' ids, in order. */
export async function filmOfShots(r: { films: FilmsRoute; shots: ShotsRoute }, user: StudioUser, title: string, shots: readonly Record<string, unknown>[], teamId?: string): Promise<{ id: string; shots: string[] }> {
  const f = (await expectOk<{ film: FilmView }>(r.films.POST(sendAs(user, "POST", teamId ? `/api/films?team=${teamId}` : "/api/films", { title, aspect: "16:9" })), 201)).film;
  const ids: string[] = [];
  for (const body of shots) ids.push((await expectOk<{ film: FilmView }>(r.shots.POST(sendAs(user, "POST", `/api/films/${f.id}/shots`, body), ctx({ filmId: f.id })), 201)).film.shots.at(-1)!.id);
  return { id: f.id, shots: ids };
}

/** One take of the shot queued through its route (it becomes the chosen take): the take's id. */
export async function queueTake(takes: TakesRoute, user: StudioUser, shotId: string, idemKey: string): Promise<string> {
  return (await expectOk<{ takeIds: string[] }>(takes.POST(sendAs(user, "POST", `/api/shots/${shotId}/takes`, { count: 1 }, { "idempotency-key": idemKey }), ctx({ shotId })), 202)).takeIds[0]!;
}

/** The shot's voice-over as its route shows it (null: none asked for). */
export async function voiceOf(voice: VoiceRoute, user: StudioUser, shotId: string): Promise<VoiceView | null> {
  return (await expectOk<{ voice: VoiceView | null }>(voice.GET(getRequest(user, `/api/shots/${shotId}/voice`), ctx({ shotId })))).voice;
}

/** The shot's voice-over once its call has ended (done or failed). */
export function voiceSettled(voice: VoiceRoute, user: StudioUser, shotId: string): Promise<VoiceView> {
  return waitFor(`the voice of ${shotId}`, async () => {
    const v = await voiceOf(voice, user, shotId);
    return v && v.status !== "pending" ? v : null;
  }, 60_000);
}
