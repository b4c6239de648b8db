import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FilmView } from "@/lib/shared/film/film-views";
import { providers } from "../support/test-db";
import { sendAs } from "../support/route-answers";
import { type ErrorBody, loadFilmRoutes, ok, refused } from "./films-support";
import { ctx, FIXTURES, setupStudio, type Studio, type StudioUser, uploadRequest } from "./generations-api-support";

// Films through their route handlers on a real migrated database (SQLite; PostgreSQL too when
// TEST_POSTGRES_URL is set): a storyboard with a text shot, an image shot and a shot chained to the
// previous shot's last frame; takes made through the one create path (holds, idempotency); the chain
// queued behind the frame job; the chain rule on reorder; review, comments, references, the cut; and
// a specific coded error for bad input in every field.

type Json = Record<string, unknown>;

describe.each(providers())("films API on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof loadFilmRoutes>>;
  let alice: StudioUser;
  let bob: StudioUser;
  let seq = 0;

  beforeAll(async () => {
    s = await setupStudio(kind);
    r = await loadFilmRoutes();
    alice = await s.user(`film-alice-${kind}@example.test`);
    bob = await s.user(`film-bob-${kind}@example.test`);
  });
  afterAll(async () => s?.drop());

  const send = sendAs;
  async function upload(user: StudioUser, file: string): Promise<string> {
    const res = await s.routes.uploads.POST(uploadRequest(user, fs.readFileSync(path.join(FIXTURES, "images", file)), file));
    return (await ok<{ id: string }>(res, 201)).id;
  }
  const newFilm = async (user = alice, body: Json = { title: `Harbour ${seq++}`, aspect: "16:9" }) => (await ok<{ film: FilmView }>(r.films.POST(send(user, "POST", "/api/films", body)), 201)).film;
  const addShot = async (filmId: string, body: Json, user = alice) => (await ok<{ film: FilmView }>(r.shots.POST(send(user, "POST", `/api/films/${filmId}/shots`, body), ctx({ filmId })), 201)).film;
  const makeTakes = (shotId: string, count: number, key = `film-${kind}-${seq++}-key`, user = alice) =>
    r.takes.POST(send(user, "POST", `/api/shots/${shotId}/takes`, { count }, { "idempotency-key": key }), ctx({ shotId }));
  const getFilm = async (filmId: string, user = alice) => (await ok<{ film: FilmView }>(r.film.GET(send(user, "GET", `/api/films/${filmId}`), ctx({ filmId })))).film;
  /** What the worker does when a take is stored, for the parts of the film that only read statuses. */
  const store = (takeId: string) => s.db.generation.update({ where: { id: takeId }, data: { status: "STORED", durationMs: 5000, finishedAt: new Date() } });

  it("makes takes of a storyboard through the one create path; a chained shot waits for the previous take's last frame", async () => {
    const film = await newFilm();
    const image = await upload(alice, "landscape.png");
    await addShot(film.id, { mode: "text", prompt: "Fog lifts over the harbour at dawn", sceneHeading: "EXT. HARBOUR — DAWN" });
    await addShot(film.id, { mode: "image", prompt: "The boat leaves", start: { kind: "upload", uploadId: image }, transition: { kind: "crossfade", frames: 12 } });
    const withChain = await addShot(film.id, { mode: "image", prompt: "The boat turns", start: { kind: "previous" }, caption: "Farewell" });
    const [s1, s2, s3] = withChain.shots;
    expect(withChain.shots.map((x) => x.status)).toEqual(["no_take", "no_take", "blocked"]);
    expect(s3!.blockReason).toBe("previous_no_take");

    // The price first; then 2 takes: two generations with the shot id, two HOLDs, the first chosen.
    expect(await ok(r.estimate.GET(send(alice, "GET", `/api/shots/${s1!.id}/takes/estimate?count=2`), ctx({ shotId: s1!.id })))).toEqual({ count: 2, unitFen: 250, totalFen: 500 });
    const key = `film-${kind}-two-takes`;
    const made = await ok<{ takeIds: string[]; created: number }>(makeTakes(s1!.id, 2, key), 202);
    expect(made.created).toBe(2);
    expect(await s.db.generation.count({ where: { shotId: s1!.id } })).toBe(2);
    expect(await s.db.ledgerEntry.count({ where: { generationId: { in: made.takeIds }, kind: "HOLD" } })).toBe(2);
    // The same request again makes nothing new (idempotent per key).
    expect(await ok(makeTakes(s1!.id, 2, key), 202)).toEqual({ takeIds: made.takeIds, created: 0 });
    let view = await getFilm(film.id);
    expect(view.shots[0]).toMatchObject({ chosenTakeId: made.takeIds[0], status: "generating", costFen: 500 });
    expect(view.costFen).toBe(500);

    // The chained shot before its predecessor has a take: refused, with the reason as the field's message.
    const blocked = await refused(makeTakes(s3!.id, 1), 409, "shot_chain_blocked");
    expect(blocked.fields).toEqual([expect.objectContaining({ path: "start", key: "film.block.previous_no_take" })]);

    // Shot 2 gets a take; shot 3 now queues behind that take's last-frame job.
    const t2 = (await ok<{ takeIds: string[] }>(makeTakes(s2!.id, 1), 202)).takeIds[0]!;
    const t3 = (await ok<{ takeIds: string[] }>(makeTakes(s3!.id, 1), 202)).takeIds[0]!;
    const frameJob = await s.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "last-frame", subjectId: t2 } }, include: { dependsOn: true } });
    const videoJob3 = await s.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "video", subjectId: t3 } }, include: { dependsOn: true } });
    expect(videoJob3.status).toBe("BLOCKED");
    expect(videoJob3.dependsOn.map((d) => d.dependsOnId)).toEqual([frameJob.id]);
    const input = await s.db.generationInput.findFirstOrThrow({ where: { generationId: t3, position: 0 }, include: { upload: true } });
    expect(input.upload).toMatchObject({ status: "STORING", frameOfId: t2 });

    // Reordering so shot 3 would follow shot 1: refused naming it, unless retarget; then it is out of date.
    const order = [s1!.id, s3!.id, s2!.id];
    const broken = await refused(r.order.PUT(send(alice, "PUT", `/api/films/${film.id}/shots/order`, { order }), ctx({ filmId: film.id })), 409, "film_chain_broken");
    expect(broken.fields?.map((f) => f.path)).toEqual([`shots.${s3!.id}`]);
    expect(broken.messages.en).toContain("2");
    view = (await ok<{ film: FilmView }>(r.order.PUT(send(alice, "PUT", `/api/films/${film.id}/shots/order`, { order, retarget: true }), ctx({ filmId: film.id })))).film;
    expect(view.shots.map((x) => x.id)).toEqual(order);
    expect(view.shots[1]!.status).toBe("out_of_date");
    await ok(r.order.PUT(send(alice, "PUT", `/api/films/${film.id}/shots/order`, { order: [s1!.id, s2!.id, s3!.id], retarget: true }), ctx({ filmId: film.id })));

    // The cut names every shot without a stored chosen take; once stored, it is the film's cut.
    const missing = await refused(r.cut.GET(send(alice, "GET", `/api/films/${film.id}/cut`), ctx({ filmId: film.id })), 409, "shot_no_usable_take");
    expect(missing.fields?.map((f) => f.path).sort()).toEqual([s1!.id, s2!.id, s3!.id].map((id) => `shots.${id}`).sort());
    for (const t of [made.takeIds[0]!, t2, t3]) await store(t);
    const cut = await ok<{ cut: { aspect: string; clips: { shotId: string; inFrame: number; outFrame: number; caption: string | null; transitionOut: { kind: string; frames: number } }[] }; problems: unknown[] }>(
      r.cut.GET(send(alice, "GET", `/api/films/${film.id}/cut`), ctx({ filmId: film.id })),
    );
    expect(cut.cut.aspect).toBe("16:9");
    expect(cut.cut.clips.map((c) => [c.shotId, c.inFrame, c.outFrame, c.caption, c.transitionOut.kind])).toEqual([
      [s1!.id, 0, 120, null, "cut"],
      [s2!.id, 0, 120, null, "crossfade"],
      [s3!.id, 0, 120, "Farewell", "cut"],
    ]);
    expect(cut.problems).toEqual([]);

    // A shot with a take still being made is generating even when its chosen one is stored.
    view = await getFilm(film.id);
    expect(view.shots.map((x) => x.status)).toEqual(["generating", "ready", "ready"]);
    await store(made.takeIds[1]!);
    expect((await getFilm(film.id)).shots.map((x) => x.status)).toEqual(["ready", "ready", "ready"]);
    // Choosing another take upstream makes the chained shot out of date (not regenerated).
    const t2b = (await ok<{ takeIds: string[] }>(makeTakes(s2!.id, 1), 202)).takeIds[0]!;
    await store(t2b);
    view = (await ok<{ film: FilmView }>(r.chosen.PUT(send(alice, "PUT", `/api/shots/${s2!.id}/chosen-take`, { takeId: t2b }), ctx({ shotId: s2!.id })))).film;
    expect(view.shots[2]!.status).toBe("out_of_date");
    expect(await s.db.generation.count({ where: { shotId: s3!.id } })).toBe(1);
  });

  it("reviews a shot's chosen take: approve, n of m, send back with a reason, each in the audit log", async () => {
    const film = await newFilm();
    const one = (await addShot(film.id, { mode: "text", prompt: "Lanterns on the river" })).shots[0]!;
    await addShot(film.id, { mode: "text", prompt: "Lanterns drift away" });
    const reviewOf = (body: Json) => r.review.POST(send(alice, "POST", `/api/shots/${one.id}/review`, body), ctx({ shotId: one.id }));
    await refused(reviewOf({ decision: "approve" }), 409, "take_not_ready");
    const take = (await ok<{ takeIds: string[] }>(makeTakes(one.id, 1), 202)).takeIds[0]!;
    await refused(reviewOf({ decision: "approve" }), 409, "take_not_ready");
    await store(take);
    const approved = (await ok<{ film: FilmView }>(reviewOf({ decision: "approve" }))).film;
    expect(approved.shots[0]).toMatchObject({ status: "approved", review: { state: "APPROVED" } });
    expect(approved.approved).toEqual({ n: 1, m: 2 });
    // The films list shows the same "n of m approved".
    const listed = async () => (await ok<{ items: FilmView[] }>(r.films.GET(send(alice, "GET", "/api/films")))).items.find((f) => f.id === film.id);
    expect((await listed())?.approved).toEqual({ n: 1, m: 2 });
    await refused(reviewOf({ decision: "approve" }), 409, "review_not_allowed");
    await refused(reviewOf({ decision: "send_back" }), 422, "validation_failed");
    const back = (await ok<{ film: FilmView }>(reviewOf({ decision: "send_back", reason: "Too dark; warmer light please" }))).film;
    expect(back.shots[0]).toMatchObject({ status: "sent_back", review: { state: "SENT_BACK", reason: "Too dark; warmer light please" } });
    expect(back.approved).toEqual({ n: 0, m: 2 });
    expect((await listed())?.approved).toEqual({ n: 0, m: 2 });
    const actions = (await s.db.auditEvent.findMany({ where: { targetId: one.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["shot.add", "shot.make_takes", "shot.approve", "shot.send_back"]));
    expect(await s.db.shotReview.count({ where: { shotId: one.id } })).toBe(2);
  });

  it("comments on a take with a time code; references back a shot's first frame", async () => {
    const film = await newFilm();
    const one = (await addShot(film.id, { mode: "text", prompt: "A kite over the dunes" })).shots[0]!;
    const take = (await ok<{ takeIds: string[] }>(makeTakes(one.id, 1), 202)).takeIds[0]!;
    const comments = (body: unknown) => r.comments.POST(send(alice, "POST", `/api/films/${film.id}/comments`, body), ctx({ filmId: film.id }));
    const c = (await ok<{ comment: { id: string; timeMs: number; body: string } }>(comments({ takeId: take, timeMs: 2400, body: "Hold on the kite" }), 201)).comment;
    expect(c).toMatchObject({ timeMs: 2400, body: "Hold on the kite" });
    const other = await newFilm();
    const otherShot = (await addShot(other.id, { mode: "text", prompt: "Elsewhere" })).shots[0]!;
    const otherTake = (await ok<{ takeIds: string[] }>(makeTakes(otherShot.id, 1), 202)).takeIds[0]!;
    await refused(comments({ takeId: otherTake, timeMs: 0, body: "Wrong film" }), 422, "comment_target_missing");
    await ok(r.comment.PATCH(send(alice, "PATCH", `/api/comments/${c.id}`, { body: "Hold longer on the kite" }), ctx({ commentId: c.id })));
    await refused(r.comment.PATCH(send(bob, "PATCH", `/api/comments/${c.id}`, { body: "Not mine" }), ctx({ commentId: c.id })), 404, "not_found");
    await ok(r.comment.DELETE(send(alice, "DELETE", `/api/comments/${c.id}`), ctx({ commentId: c.id })));
    expect((await ok<{ items: unknown[] }>(r.comments.GET(send(alice, "GET", `/api/films/${film.id}/comments`), ctx({ filmId: film.id })))).items).toEqual([]);

    const image = await upload(alice, "portrait.jpg");
    const ref = (await ok<{ reference: { id: string; kind: string } }>(r.references.POST(send(alice, "POST", "/api/references", { kind: "character", name: "Mei", uploadId: image })), 201)).reference;
    expect(ref.kind).toBe("character");
    const withRef = await addShot(film.id, { mode: "image", prompt: "Mei looks up", start: { kind: "reference", referenceId: ref.id } });
    expect(withRef.shots[1]!.start).toEqual({ kind: "reference", referenceId: ref.id });
    const t = (await ok<{ takeIds: string[] }>(makeTakes(withRef.shots[1]!.id, 1), 202)).takeIds[0]!;
    expect((await s.db.generationInput.findFirstOrThrow({ where: { generationId: t } })).uploadId).toBe(image);
    // Bob's workspace has no such reference; Bob cannot use Alice's upload either.
    const bobFilm = await newFilm(bob);
    await refused(r.shots.POST(send(bob, "POST", `/api/films/${bobFilm.id}/shots`, { mode: "image", start: { kind: "reference", referenceId: ref.id } }), ctx({ filmId: bobFilm.id })), 422, "reference_not_found");
    await refused(r.shots.POST(send(bob, "POST", `/api/films/${bobFilm.id}/shots`, { mode: "image", start: { kind: "upload", uploadId: image } }), ctx({ filmId: bobFilm.id })), 422, "upload_not_found");
    // In use by shot 2: the delete is refused, naming the film and the shot (tests/integration/films-library.test.ts).
    await refused(r.reference.DELETE(send(alice, "DELETE", `/api/references/${ref.id}`), ctx({ referenceId: ref.id })), 409, "reference_in_use");
    // A reference deleted while only a deleted film used it: new takes refuse it.
    await s.db.reference.update({ where: { id: ref.id }, data: { deletedAt: new Date() } });
    await refused(makeTakes(withRef.shots[1]!.id, 1), 422, "reference_not_found");
  });

  it("the aspect ratio is the film's: fixed once a take exists", async () => {
    const film = await newFilm();
    await ok(r.film.PATCH(send(alice, "PATCH", `/api/films/${film.id}`, { aspect: "9:16" }), ctx({ filmId: film.id })));
    const one = (await addShot(film.id, { mode: "text", prompt: "Rain on a window" })).shots[0]!;
    const take = (await ok<{ takeIds: string[] }>(makeTakes(one.id, 1), 202)).takeIds[0]!;
    expect((await s.db.generation.findUniqueOrThrow({ where: { id: take } })).params).toMatchObject({ aspectRatio: "9:16" });
    await refused(r.film.PATCH(send(alice, "PATCH", `/api/films/${film.id}`, { aspect: "16:9" }), ctx({ filmId: film.id })), 409, "film_aspect_locked");
  });

  it("refuses bad input in every field with a specific coded error, never a 500", async () => {
    const film = await newFilm();
    const one = (await addShot(film.id, { mode: "text", prompt: "Base" })).shots[0]!;
    const cases: [string, () => Promise<Response>, number, string, string?][] = [
      ["film title empty", () => r.films.POST(send(alice, "POST", "/api/films", { title: " ", aspect: "16:9" })), 422, "validation_failed", "title"],
      ["film title bidi", () => r.films.POST(send(alice, "POST", "/api/films", { title: "a\u202Eb", aspect: "16:9" })), 422, "validation_failed", "title"],
      ["film aspect", () => r.films.POST(send(alice, "POST", "/api/films", { title: "x", aspect: "4:3" })), 422, "validation_failed", "aspect"],
      ["film style", () => r.films.POST(send(alice, "POST", "/api/films", { title: "x", aspect: "1:1", style: "noir" })), 422, "validation_failed", "style"],
      ["film unknown field", () => r.films.POST(send(alice, "POST", "/api/films", { title: "x", aspect: "1:1", colour: 1 })), 422, "validation_failed"],
      ["malformed JSON", () => r.films.POST(send(alice, "POST", "/api/films", "{nope")), 400, "invalid_json"],
      ["shot mode", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "video" }), ctx({ filmId: film.id })), 422, "validation_failed", "mode"],
      ["shot prompt 513 chars", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "text", prompt: "x".repeat(513) }), ctx({ filmId: film.id })), 422, "validation_failed", "prompt"],
      ["shot prompt NUL", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "text", prompt: "a\u0000b" }), ctx({ filmId: film.id })), 422, "validation_failed", "prompt"],
      ["text shot with a frame", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "text", start: { kind: "previous" } }), ctx({ filmId: film.id })), 422, "validation_failed", "start"],
      ["end = previous", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "start-end", end: { kind: "previous" } }), ctx({ filmId: film.id })), 422, "validation_failed", "end"],
      ["frame source kind", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "image", start: { kind: "cogview" } }), ctx({ filmId: film.id })), 422, "validation_failed", "start.kind"],
      ["upload id", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "image", start: { kind: "upload", uploadId: "../x" } }), ctx({ filmId: film.id })), 422, "validation_failed", "start.uploadId"],
      ["missing upload", () => r.shots.POST(send(alice, "POST", `/api/films/${film.id}/shots`, { mode: "image", start: { kind: "still", uploadId: "a".repeat(24) } }), ctx({ filmId: film.id })), 422, "upload_not_found"],
      ["caption too long", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { caption: "c".repeat(201) }), ctx({ shotId: one.id })), 422, "validation_failed", "caption"],
      ["scene heading control", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { sceneHeading: "INT.\u0007" }), ctx({ shotId: one.id })), 422, "validation_failed", "sceneHeading"],
      ["trim in past out", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { trimIn: 100, trimOut: 50 }), ctx({ shotId: one.id })), 422, "validation_failed", "trimOut"],
      ["trim beyond the take", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { trimOut: 121 }), ctx({ shotId: one.id })), 422, "validation_failed", "trimOut"],
      ["trim fraction", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { trimIn: 1.5 }), ctx({ shotId: one.id })), 422, "validation_failed", "trimIn"],
      ["transition kind", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { transition: { kind: "wipe", frames: 6 } }), ctx({ shotId: one.id })), 422, "validation_failed", "transition.kind"],
      ["cut with a length", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { transition: { kind: "cut", frames: 6 } }), ctx({ shotId: one.id })), 422, "validation_failed", "transition.frames"],
      ["transition too long", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { transition: { kind: "crossfade", frames: 61 } }), ctx({ shotId: one.id })), 422, "validation_failed", "transition.frames"],
      ["image shot without its frame", () => r.shot.PATCH(send(alice, "PATCH", `/api/shots/${one.id}`, { mode: "image" }), ctx({ shotId: one.id })).then(() => makeTakes(one.id, 1)), 422, "shot_frame_missing"],
      ["take count 5", () => makeTakes(one.id, 5), 422, "validation_failed", "count"],
      ["take count 0", () => makeTakes(one.id, 0), 422, "validation_failed", "count"],
      ["no idempotency key", () => r.takes.POST(send(alice, "POST", `/api/shots/${one.id}/takes`, { count: 1 }), ctx({ shotId: one.id })), 400, "idempotency_key_required"],
      ["estimate count", () => r.estimate.GET(send(alice, "GET", `/api/shots/${one.id}/takes/estimate?count=9`), ctx({ shotId: one.id })), 422, "validation_failed", "count"],
      ["reorder not a permutation", () => r.order.PUT(send(alice, "PUT", `/api/films/${film.id}/shots/order`, { order: [one.id, one.id] }), ctx({ filmId: film.id })), 422, "validation_failed", "order"],
      ["reorder retarget type", () => r.order.PUT(send(alice, "PUT", `/api/films/${film.id}/shots/order`, { order: [one.id], retarget: "yes" }), ctx({ filmId: film.id })), 422, "validation_failed", "retarget"],
      ["choose a take of no shot", () => r.chosen.PUT(send(alice, "PUT", `/api/shots/${one.id}/chosen-take`, { takeId: "c".repeat(25) }), ctx({ shotId: one.id })), 422, "take_not_of_shot"],
      ["review decision", () => r.review.POST(send(alice, "POST", `/api/shots/${one.id}/review`, { decision: "maybe" }), ctx({ shotId: one.id })), 422, "validation_failed"],
      ["comment without target", () => r.comments.POST(send(alice, "POST", `/api/films/${film.id}/comments`, { timeMs: 0, body: "x" }), ctx({ filmId: film.id })), 422, "validation_failed", "takeId"],
      ["comment negative time", () => r.comments.POST(send(alice, "POST", `/api/films/${film.id}/comments`, { exportId: "exp1", timeMs: -1, body: "x" }), ctx({ filmId: film.id })), 422, "validation_failed", "timeMs"],
      ["comment body bidi", () => r.comments.POST(send(alice, "POST", `/api/films/${film.id}/comments`, { exportId: "exp1", timeMs: 0, body: "\u2066x" }), ctx({ filmId: film.id })), 422, "validation_failed", "body"],
      ["comment body too long", () => r.comments.POST(send(alice, "POST", `/api/films/${film.id}/comments`, { exportId: "exp1", timeMs: 0, body: "b".repeat(2001) }), ctx({ filmId: film.id })), 422, "validation_failed", "body"],
      ["reference kind", () => r.references.POST(send(alice, "POST", "/api/references", { kind: "prop", name: "x", uploadId: "a".repeat(24) })), 422, "validation_failed", "kind"],
      ["reference name", () => r.references.POST(send(alice, "POST", "/api/references", { kind: "product", name: "", uploadId: "a".repeat(24) })), 422, "validation_failed", "name"],
      ["reference upload", () => r.references.POST(send(alice, "POST", "/api/references", { kind: "product", name: "Cup", uploadId: "a".repeat(24) })), 422, "upload_not_found"],
      ["film id junk", () => r.film.GET(send(alice, "GET", "/api/films/%00"), ctx({ filmId: "\u0000" })), 404, "not_found"],
      ["another's film", () => r.film.GET(send(bob, "GET", `/api/films/${film.id}`), ctx({ filmId: film.id })), 404, "not_found"],
    ];
    const wrong: string[] = [];
    for (const [name, call, status, code, field] of cases) {
      const res = await call();
      const body = (await res.json()) as ErrorBody;
      const fieldOk = field === undefined || (body.error.fields ?? []).some((f) => f.path === field);
      if (res.status !== status || body.error?.code !== code || !fieldOk || !body.error.messages?.["zh-CN"]) wrong.push(`${name}: ${res.status} ${JSON.stringify(body.error)}`);
    }
    expect(wrong).toEqual([]);
  });
});
