import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommentView, FilmView } from "@/lib/shared/film/film-views";
import { providers } from "../support/test-db";
import { sendAs } from "../support/route-answers";
import { loadFilmRoutes, ok, refused, teamOfThree } from "./films-support";
import { ctx, FIXTURES, setupStudio, type Studio, type StudioUser, uploadRequest } from "./generations-api-support";

// The review and library parts of films through their route handlers on a real migrated database
// (SQLite; PostgreSQL too when TEST_POSTGRES_URL is set), in a team with an owner, a member and a
// viewer: timecoded comments on a film export (viewers comment, admins/owners delete, each audited;
// only a READY export of the same film), the characters and products library (a reference in use is
// not deleted: the refusal names the film and shots), and scene headings (set, renamed, removed; they
// move with their shot).

describe.each(providers())("film export comments, the reference library and scene headings on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof loadFilmRoutes>>;
  let owner: StudioUser;
  let member: StudioUser;
  let viewer: StudioUser;
  let teamId: string;
  let seq = 0;

  beforeAll(async () => {
    s = await setupStudio(kind);
    r = await loadFilmRoutes();
    ({ teamId, owner, member, viewer } = await teamOfThree(s, `lib-${kind}`));
  });
  afterAll(async () => s?.drop());

  const send = sendAs;
  const newFilm = async (title = `Harbour ${kind} ${seq++}`) => (await ok<{ film: FilmView }>(r.films.POST(send(owner, "POST", `/api/films?team=${teamId}`, { title, aspect: "16:9" })), 201)).film;
  const addShot = async (filmId: string, body: Record<string, unknown>) => (await ok<{ film: FilmView }>(r.shots.POST(send(member, "POST", `/api/films/${filmId}/shots`, body), ctx({ filmId })), 201)).film;
  const patchShot = (user: StudioUser, shotId: string, body: Record<string, unknown>) => r.shot.PATCH(send(user, "PATCH", `/api/shots/${shotId}`, body), ctx({ shotId }));
  const readyExport = async (filmId: string, extra: Record<string, unknown> = {}) =>
    (await s.db.filmExport.create({ data: { filmId, createdById: owner.id, status: "READY", progress: 1, storageKey: `exports/${seq++}/film.mp4`, durationMs: 9000, width: 1920, height: 1080, bytes: BigInt(1000), finishedAt: new Date(), ...extra } })).id;
  const comment = (user: StudioUser, filmId: string, body: Record<string, unknown>) => r.comments.POST(send(user, "POST", `/api/films/${filmId}/comments`, body), ctx({ filmId }));

  it("comments on an export at a time code: viewers comment, only a READY export of this film, admins/owners delete, all audited", async () => {
    const film = await newFilm();
    const v1 = await readyExport(film.id);
    const v2 = await readyExport(film.id);
    const c = (await ok<{ comment: CommentView }>(comment(viewer, film.id, { exportId: v1, timeMs: 6500, body: "The fade comes too early" }), 201)).comment;
    expect(c).toMatchObject({ exportId: v1, takeId: null, timeMs: 6500, authorId: viewer.id });
    await ok(comment(member, film.id, { exportId: v1, timeMs: 1200, body: "Title card reads well" }), 201);
    await ok(comment(member, film.id, { exportId: v2, timeMs: 300, body: "On the second version" }), 201);
    const listed = (await ok<{ items: CommentView[] }>(r.comments.GET(send(viewer, "GET", `/api/films/${film.id}/comments`), ctx({ filmId: film.id })))).items;
    expect(listed.filter((x) => x.exportId === v1).map((x) => x.timeMs).sort((a, b) => a - b)).toEqual([1200, 6500]);
    expect(listed.filter((x) => x.exportId === v2)).toHaveLength(1);
    // What each reader may do, as the server tells the page (the same rule as the PATCH/DELETE checks).
    const mayOf = async (user: StudioUser) =>
      Object.fromEntries((await ok<{ items: CommentView[] }>(r.comments.GET(send(user, "GET", `/api/films/${film.id}/comments`), ctx({ filmId: film.id })))).items.map((x) => [x.body, x.may]));
    expect((await mayOf(viewer))["The fade comes too early"]).toEqual({ edit: true, delete: true });
    expect((await mayOf(viewer))["Title card reads well"]).toEqual({ edit: false, delete: false });
    expect((await mayOf(member))["The fade comes too early"]).toEqual({ edit: false, delete: false });
    expect((await mayOf(owner))["The fade comes too early"]).toEqual({ edit: false, delete: true });
    await refused(r.comment.PATCH(send(owner, "PATCH", `/api/comments/${c.id}`, { body: "Not the owner's words" }), ctx({ commentId: c.id })), 403, "team_role_forbidden");

    // Only a READY, not deleted export of this very film.
    const other = await newFilm();
    await refused(comment(viewer, film.id, { exportId: await readyExport(other.id), timeMs: 0, body: "Wrong film" }), 422, "comment_target_missing");
    const rendering = (await s.db.filmExport.create({ data: { filmId: film.id, createdById: owner.id, status: "RENDERING" } })).id;
    await refused(comment(viewer, film.id, { exportId: rendering, timeMs: 0, body: "Not ready" }), 422, "comment_target_missing");
    await refused(comment(viewer, film.id, { exportId: await readyExport(film.id, { deletedAt: new Date() }), timeMs: 0, body: "Deleted" }), 422, "comment_target_missing");
    await refused(comment(viewer, film.id, { exportId: "nosuchexport", timeMs: 0, body: "Missing" }), 422, "comment_target_missing");

    // Viewers comment but do not change shots; a member does not delete a teammate's comment; the owner does.
    const shotId = (await addShot(film.id, { mode: "text", prompt: "Lanterns on the water" })).shots[0]!.id;
    await refused(patchShot(viewer, shotId, { prompt: "Changed by a viewer" }), 403, "team_role_forbidden");
    await refused(r.comment.DELETE(send(member, "DELETE", `/api/comments/${c.id}`), ctx({ commentId: c.id })), 403, "team_role_forbidden");
    await ok(r.comment.DELETE(send(owner, "DELETE", `/api/comments/${c.id}`), ctx({ commentId: c.id })));
    const audit = await s.db.auditEvent.findMany({ where: { targetId: c.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, teamId: true, data: true } });
    expect(audit.map((e) => [e.action, e.actorId, e.teamId])).toEqual([
      ["comment.create", viewer.id, teamId],
      ["comment.delete", owner.id, teamId],
    ]);
    expect(audit[0]!.data).toMatchObject({ filmId: film.id, timeMs: 6500, exportId: v1 });
  });

  it("a reference in use is not deleted: the refusal names the film and shots in both languages; unused, it is", async () => {
    const image = (await ok<{ id: string }>(s.routes.uploads.POST(uploadRequest(member, fs.readFileSync(path.join(FIXTURES, "images", "portrait.jpg")), "portrait.jpg")), 201)).id;
    const ref = (await ok<{ reference: { id: string } }>(r.references.POST(send(member, "POST", `/api/references?team=${teamId}`, { kind: "character", name: "Mei", uploadId: image })), 201)).reference;
    const film = await newFilm(`Night market ${kind}`);
    await addShot(film.id, { mode: "text", prompt: "Crowds" });
    await addShot(film.id, { mode: "image", prompt: "Mei turns", start: { kind: "reference", referenceId: ref.id } });
    const used = await addShot(film.id, { mode: "start-end", prompt: "Mei walks to the stall", start: { kind: "upload", uploadId: image }, end: { kind: "reference", referenceId: ref.id } });
    // A deleted film's shots do not hold the reference.
    const gone = await newFilm();
    await addShot(gone.id, { mode: "image", prompt: "Mei", start: { kind: "reference", referenceId: ref.id } });
    await ok(r.film.DELETE(send(owner, "DELETE", `/api/films/${gone.id}`), ctx({ filmId: gone.id })));

    const del = () => r.reference.DELETE(send(owner, "DELETE", `/api/references/${ref.id}`), ctx({ referenceId: ref.id }));
    const e = await refused(del(), 409, "reference_in_use");
    expect(e.messages.en).toContain(`“Night market ${kind}” 2, 3`);
    expect(e.messages["zh-CN"]).toContain(`“Night market ${kind}” 2, 3`);
    // Members rename but do not delete.
    await ok(r.reference.PATCH(send(member, "PATCH", `/api/references/${ref.id}`, { name: "Mei (jacket)" }), ctx({ referenceId: ref.id })));
    await refused(r.reference.DELETE(send(member, "DELETE", `/api/references/${ref.id}`), ctx({ referenceId: ref.id })), 403, "team_role_forbidden");

    // Re-pointed shots free it; then it is deleted (soft), audited and gone from the list.
    await ok(patchShot(member, used.shots[1]!.id, { mode: "text", start: null }));
    await ok(patchShot(member, used.shots[2]!.id, { end: { kind: "upload", uploadId: image } }));
    await ok(del());
    const items = (await ok<{ items: { id: string }[] }>(r.references.GET(send(viewer, "GET", `/api/references?team=${teamId}`)))).items;
    expect(items.map((x) => x.id)).not.toContain(ref.id);
    expect((await s.db.auditEvent.findMany({ where: { targetId: ref.id }, orderBy: { createdAt: "asc" } })).map((x) => x.action)).toEqual(["reference.create", "reference.update", "reference.delete"]);
  });

  it("scene headings: set, renamed and removed before a shot; a heading moves with its shot; the order stays one list", async () => {
    const film = await newFilm();
    await addShot(film.id, { mode: "text", prompt: "Dawn over the roofs" });
    await addShot(film.id, { mode: "text", prompt: "The alley wakes" });
    const three = await addShot(film.id, { mode: "text", prompt: "Tea is poured", sceneHeading: "INT. 茶馆 — MORNING" });
    const [a, b, c] = three.shots.map((x) => x.id) as [string, string, string];
    const heading = async (shotId: string, sceneHeading: string | null) => (await ok<{ film: FilmView }>(patchShot(member, shotId, { sceneHeading }))).film.shots.map((x) => x.sceneHeading);
    expect(await heading(b, "EXT. HUTONG — DAWN")).toEqual([null, "EXT. HUTONG — DAWN", "INT. 茶馆 — MORNING"]);
    expect(await heading(b, "EXT. HUTONG — SUNRISE")).toEqual([null, "EXT. HUTONG — SUNRISE", "INT. 茶馆 — MORNING"]);
    await refused(patchShot(viewer, b, { sceneHeading: "By a viewer" }), 403, "team_role_forbidden");
    const moved = (await ok<{ film: FilmView }>(r.order.PUT(send(member, "PUT", `/api/films/${film.id}/shots/order`, { order: [c, a, b] }), ctx({ filmId: film.id })))).film;
    expect(moved.shots.map((x) => [x.id, x.sceneHeading])).toEqual([
      [c, "INT. 茶馆 — MORNING"],
      [a, null],
      [b, "EXT. HUTONG — SUNRISE"],
    ]);
    expect(await heading(b, null)).toEqual(["INT. 茶馆 — MORNING", null, null]);
  });
});
