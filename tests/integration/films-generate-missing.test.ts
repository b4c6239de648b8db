import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FilmView } from "@/lib/shared/film/film-views";
import type { CancelBatchResult, GenerateMissingEstimate, GenerateMissingResult } from "@/lib/shared/film/generate-missing-view";
import { providers } from "../support/test-db";
import { sendAs } from "../support/route-answers";
import { type ErrorBody, ok, refused, teamOfThree } from "./films-support";
import { ctx, FIXTURES, setupStudio, type Studio, type StudioUser, uploadRequest } from "./generations-api-support";

// "Generate missing shots" through its route handlers on a real migrated database (SQLite; PostgreSQL
// too when TEST_POSTGRES_URL is set), no worker: the estimate's numbers and budgets; all or nothing
// when the team budget is short (no take, no ledger row); a stale total refused; the batch's rows
// (holds, chosen takes, a chained shot waiting on the batch's own take of the shot before it);
// idempotent repeats; cancel refunding exactly the unstarted takes; viewers refused. The chained order
// with a real worker is films-generate-missing-worker.test.ts.

type Json = Record<string, unknown>;

async function loadRoutes() {
  return {
    films: await import("@/app/api/films/route"),
    film: await import("@/app/api/films/[filmId]/route"),
    shots: await import("@/app/api/films/[filmId]/shots/route"),
    takes: await import("@/app/api/shots/[shotId]/takes/route"),
    missing: await import("@/app/api/films/[filmId]/generate-missing/route"),
    cancel: await import("@/app/api/films/[filmId]/generate-missing/[batchId]/cancel/route"),
  };
}

describe.each(providers())("generate missing shots on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof loadRoutes>>;
  let owner: StudioUser;
  let member: StudioUser;
  let viewer: StudioUser;
  let teamId: string;
  let seq = 0;

  beforeAll(async () => {
    s = await setupStudio(kind);
    r = await loadRoutes();
    ({ teamId, owner, member, viewer } = await teamOfThree(s, `gm-${kind}`));
  });
  afterAll(async () => s?.drop());

  const send = sendAs;
  const newFilm = async () => (await ok<{ film: FilmView }>(r.films.POST(send(member, "POST", `/api/films?team=${teamId}`, { title: `Batch ${seq++}`, aspect: "16:9" })), 201)).film;
  const addShot = async (filmId: string, body: Json) => (await ok<{ film: FilmView }>(r.shots.POST(send(member, "POST", `/api/films/${filmId}/shots`, body), ctx({ filmId })), 201)).film;
  const estimate = (filmId: string, takes: number | string, user = member) => r.missing.GET(send(user, "GET", `/api/films/${filmId}/generate-missing?takes=${takes}`), ctx({ filmId }));
  const generate = (filmId: string, body: unknown, key: string | null, user = member) =>
    r.missing.POST(send(user, "POST", `/api/films/${filmId}/generate-missing`, body, key ? { "idempotency-key": key } : {}), ctx({ filmId }));
  const cancel = (filmId: string, batchId: string, user = member) => r.cancel.POST(send(user, "POST", `/api/films/${filmId}/generate-missing/${batchId}/cancel`), ctx({ filmId, batchId }));
  const teamLedger = () => s.db.ledgerEntry.findMany({ where: { teamId }, select: { generationId: true, kind: true, amountFen: true } });

  /** Shot 1 has a take (the member made it: not missing); 2 text, 3 chained to 2, 4 image: missing. */
  async function storyboard() {
    const film = await newFilm();
    const image = (await ok<{ id: string }>(s.routes.uploads.POST(uploadRequest(member, fs.readFileSync(path.join(FIXTURES, "images", "landscape.png")), "landscape.png")), 201)).id;
    await addShot(film.id, { mode: "text", prompt: "Lanterns rise over the river" });
    await addShot(film.id, { mode: "text", prompt: "A boat glides under the bridge" });
    await addShot(film.id, { mode: "image", prompt: "The boat reaches the lock", start: { kind: "previous" } });
    const full = await addShot(film.id, { mode: "image", prompt: "Fireworks", start: { kind: "upload", uploadId: image } });
    const ids = full.shots.map((x) => x.id);
    const made = await ok<{ takeIds: string[] }>(r.takes.POST(send(member, "POST", `/api/shots/${ids[0]}/takes`, { count: 1 }, { "idempotency-key": `gm-first-${kind}-${seq++}` }), ctx({ shotId: ids[0]! })), 202);
    return { film, ids, firstTake: made.takeIds[0]! };
  }

  it("estimates, refuses all or nothing when the budget is short or the total stale, then holds and queues the whole batch once", async () => {
    const { film, ids } = await storyboard();
    const before = await teamLedger();
    expect(before).toHaveLength(1);
    // Room for 1 500 fen more this month: 6 takes of 250 fit exactly, 7 do not.
    await s.db.budget.create({ data: { scope: "TEAM_MONTHLY", teamId, limitFen: 250 + 1_250 } });

    const est = await ok<GenerateMissingEstimate>(estimate(film.id, 2));
    expect(est).toMatchObject({
      shots: [
        { shotId: ids[1], position: 1, chained: false, priceFen: 250 },
        { shotId: ids[2], position: 2, chained: true, priceFen: 250 },
        { shotId: ids[3], position: 3, chained: false, priceFen: 250 },
      ],
      takesPerShot: 2,
      priceFen: 250,
      totalFen: 1_500,
      fits: false,
    });
    expect(est.budgets.items).toEqual([expect.objectContaining({ scope: "TEAM_MONTHLY", limitFen: 1_500, spentFen: 250, remainingFen: 1_250 })]);
    // The film's spend so far: shot 1's take, queued and not yet stored (held), plus this batch on top.
    expect(est.spent).toMatchObject({ settledFen: 0, heldFen: 250, totalFen: 250, byKind: { script: { settledFen: 0, heldFen: 0 }, stills: { settledFen: 0, heldFen: 0 }, voice: { settledFen: 0, heldFen: 0 }, video: { settledFen: 0, heldFen: 250 } } });
    expect(est.filmTotalFen).toBe(250 + 1_500);
    expect((await ok<GenerateMissingEstimate>(estimate(film.id, 1))).fits).toBe(true);

    // Short by 250: 402 naming the budget, and nothing at all was created.
    await refused(generate(film.id, { takes: 2, expectTotalFen: 1_500 }, `gm-short-${kind}`), 402, "budget_team_monthly");
    expect(await s.db.generation.count({ where: { shotId: { in: ids.slice(1) } } })).toBe(0);
    expect(await teamLedger()).toEqual(before);
    expect(await s.db.job.count({ where: { kind: "last-frame" } })).toBe(0);

    await s.db.budget.updateMany({ where: { scope: "TEAM_MONTHLY", teamId }, data: { limitFen: 250 + 1_500 } });
    expect((await ok<GenerateMissingEstimate>(estimate(film.id, 2))).fits).toBe(true);
    // The estimate the client confirmed no longer matches: coded 409, nothing created.
    const stale = await refused(generate(film.id, { takes: 2, expectTotalFen: 750 }, `gm-stale-${kind}`), 409, "film_batch_stale");
    expect(stale.fields?.map((f) => f.path)).toEqual(["expectTotalFen"]);
    expect(stale.messages.en).toContain("¥15");
    expect(await s.db.generation.count({ where: { shotId: { in: ids.slice(1) } } })).toBe(0);

    const key = `gm-batch-${kind}`;
    const batch = await ok<GenerateMissingResult>(generate(film.id, { takes: 2, expectTotalFen: 1_500 }, key), 202);
    expect(batch.created).toBe(true);
    expect(batch.totalFen).toBe(1_500);
    expect(batch.takes.map((t) => [t.shotId, t.chained])).toEqual([
      [ids[1], false], [ids[1], false], [ids[2], true], [ids[2], true], [ids[3], false], [ids[3], false],
    ]);
    const takeIds = batch.takes.map((t) => t.takeId);
    const holds = (await teamLedger()).filter((e) => takeIds.includes(e.generationId ?? ""));
    expect(holds.map((e) => [e.kind, e.amountFen])).toEqual(takeIds.map(() => ["HOLD", 250]));
    // Each shot chose its first new take; the budget is now exactly used up.
    const view = (await ok<{ film: FilmView }>(r.film.GET(send(member, "GET", `/api/films/${film.id}`), ctx({ filmId: film.id })))).film;
    expect(view.shots.slice(1).map((x) => x.chosenTakeId)).toEqual([takeIds[0], takeIds[2], takeIds[4]]);
    expect(view.shots.map((x) => x.status)).toEqual(["generating", "generating", "generating", "generating"]);
    expect((await ok<GenerateMissingEstimate>(estimate(film.id, 1))).shots).toEqual([]);

    // The chained shot's takes wait on the last frame of shot 2's first NEW take, which waits on its video.
    const upVideo = await s.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "video", subjectId: takeIds[0]! } } });
    const frame = await s.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "last-frame", subjectId: takeIds[0]! } }, include: { dependsOn: true } });
    expect(frame.dependsOn.map((d) => d.dependsOnId)).toEqual([upVideo.id]);
    for (const t of [takeIds[2]!, takeIds[3]!]) {
      const job = await s.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "video", subjectId: t } }, include: { dependsOn: true } });
      expect([job.status, job.dependsOn.map((d) => d.dependsOnId)]).toEqual(["BLOCKED", [frame.id]]);
      const input = await s.db.generationInput.findFirstOrThrow({ where: { generationId: t, position: 0 }, include: { upload: true } });
      expect(input.upload).toMatchObject({ status: "STORING", frameOfId: takeIds[0] });
    }
    for (const t of [takeIds[0]!, takeIds[1]!, takeIds[4]!, takeIds[5]!]) {
      expect((await s.db.job.findUniqueOrThrow({ where: { kind_subjectId: { kind: "video", subjectId: t } } })).status).toBe("QUEUED");
    }
    const audit = await s.db.auditEvent.findMany({ where: { targetId: film.id, action: "film.generate_missing" } });
    expect(audit.map((a) => a.data)).toEqual([expect.objectContaining({ batchId: batch.batchId, shots: 3, takes: 6, totalFen: 1_500 })]);

    // The same request again: the same batch, nothing new. The same key with another body: 422.
    const again = await ok<GenerateMissingResult>(generate(film.id, { takes: 2, expectTotalFen: 1_500 }, key), 202);
    expect(again).toEqual({ ...batch, created: false });
    await refused(generate(film.id, { takes: 1, expectTotalFen: 0 }, key), 422, "idempotency_mismatch");
    expect(await s.db.generation.count({ where: { shotId: { in: ids } } })).toBe(7);
    expect(await s.db.ledgerEntry.count({ where: { teamId } })).toBe(7);

    await s.db.budget.deleteMany({ where: { teamId } });
  });

  it("cancel refunds exactly the takes not yet started; started ones continue; the shots become missing again", async () => {
    const { film, ids } = await storyboard();
    const batch = await ok<GenerateMissingResult>(generate(film.id, { takes: 1, expectTotalFen: 750 }, `gm-cancel-${kind}`), 202);
    const [t2, t3, t4] = batch.takes.map((t) => t.takeId);
    // Shot 4's take was claimed by a worker (sent upstream): it must continue.
    await s.db.job.update({ where: { kind_subjectId: { kind: "video", subjectId: t4! } }, data: { status: "ACTIVE", leaseOwner: "someone", leaseUntil: new Date(Date.now() + 60_000) } });

    // A viewer may not; the team's owner may cancel a member's batch.
    await refused(cancel(film.id, batch.batchId, viewer), 403, "team_role_forbidden");
    await refused(cancel(film.id, "0".repeat(24)), 404, "not_found");
    await refused(cancel(film.id, "not-a-batch"), 404, "not_found");

    const done = await ok<CancelBatchResult>(cancel(film.id, batch.batchId, owner));
    expect(done).toEqual({ batchId: batch.batchId, cancelled: [t2, t3], continuing: [t4], refundedFen: 500 });
    const ledger = await s.db.ledgerEntry.findMany({ where: { generationId: { in: [t2!, t3!, t4!] } }, select: { generationId: true, kind: true, amountFen: true } });
    const refunds = ledger.filter((e) => e.kind === "REFUND");
    expect(refunds.map((e) => e.generationId).sort()).toEqual([t2!, t3!].sort());
    expect(refunds.reduce((sum, e) => sum + e.amountFen, 0)).toBe(500);
    const statuses = await s.db.generation.findMany({ where: { id: { in: [t2!, t3!, t4!] } }, select: { id: true, status: true, errorCode: true } });
    expect(Object.fromEntries(statuses.map((g) => [g.id, g.status]))).toEqual({ [t2!]: "CANCELLED", [t3!]: "CANCELLED", [t4!]: "QUEUED" });
    expect(statuses.find((g) => g.id === t3)!.errorCode).toBe("cancelled");
    expect(await s.db.auditEvent.count({ where: { targetId: film.id, action: "film.cancel_batch" } })).toBe(1);

    // Cancelling again changes nothing; the cancelled shots are missing again, the running one is not.
    expect(await ok<CancelBatchResult>(cancel(film.id, batch.batchId))).toEqual({ batchId: batch.batchId, cancelled: [], continuing: [t2, t3, t4], refundedFen: 0 });
    expect(await s.db.ledgerEntry.count({ where: { generationId: { in: [t2!, t3!] }, kind: "REFUND" } })).toBe(2);
    expect((await ok<GenerateMissingEstimate>(estimate(film.id, 1))).shots.map((x) => x.shotId)).toEqual([ids[1], ids[2]]);
  });

  it("refuses viewers, bad input and a chain that cannot be made, with coded bilingual errors", async () => {
    const film = await newFilm();
    await addShot(film.id, { mode: "image", prompt: "Starts from nothing", start: { kind: "previous" } });
    await refused(estimate(film.id, 1, viewer), 403, "team_role_forbidden");
    await refused(generate(film.id, { takes: 1, expectTotalFen: 250 }, `gm-viewer-${kind}`, viewer), 403, "team_role_forbidden");
    const cases: [string, () => Promise<Response>, number, string, string?][] = [
      ["estimate takes 0", () => estimate(film.id, 0), 422, "validation_failed", "takes"],
      ["estimate takes 5", () => estimate(film.id, 5), 422, "validation_failed", "takes"],
      ["estimate takes junk", () => estimate(film.id, "x"), 422, "validation_failed", "takes"],
      ["no key", () => generate(film.id, { takes: 1, expectTotalFen: 250 }, null), 400, "idempotency_key_required"],
      ["takes 5", () => generate(film.id, { takes: 5, expectTotalFen: 250 }, "gm-bad-takes"), 422, "validation_failed", "takes"],
      ["takes string", () => generate(film.id, { takes: "2", expectTotalFen: 250 }, "gm-bad-takes2"), 422, "validation_failed", "takes"],
      ["expect missing", () => generate(film.id, { takes: 1 }, "gm-bad-expect"), 422, "validation_failed", "expectTotalFen"],
      ["expect negative", () => generate(film.id, { takes: 1, expectTotalFen: -1 }, "gm-bad-expect2"), 422, "validation_failed", "expectTotalFen"],
      ["unknown field", () => generate(film.id, { takes: 1, expectTotalFen: 250, shots: [] }, "gm-bad-field"), 422, "validation_failed"],
      ["malformed JSON", () => generate(film.id, "{nope", "gm-bad-json"), 400, "invalid_json"],
      ["the first shot chained", () => generate(film.id, { takes: 1, expectTotalFen: 250 }, "gm-first-chained"), 409, "shot_chain_blocked", "start"],
      ["no such film", () => estimate("c".repeat(25), 1), 404, "not_found"],
    ];
    const wrong: string[] = [];
    for (const [name, call, status, code, field] of cases) {
      const res = await call();
      const body = (await res.json()) as ErrorBody;
      const fieldOk = field === undefined || (body.error.fields ?? []).some((f) => f.path === field);
      if (res.status !== status || body.error?.code !== code || !fieldOk || !body.error.messages?.["zh-CN"]) wrong.push(`${name}: ${res.status} ${JSON.stringify(body.error)}`);
    }
    expect(wrong).toEqual([]);
    expect(await s.db.generation.count({ where: { shot: { filmId: film.id } } })).toBe(0);
  });
});
