import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FilmView } from "@/lib/shared/film/film-views";
import type { BreakdownView, DraftShot } from "@/lib/shared/script-breakdown";
import { type RunningSimulator } from "@/lib/simulator/server";
import { expectOk, expectRefused, sendAs } from "../support/route-answers";
import { providers } from "../support/test-db";
import { teamOfThree } from "./films-support";
import { type CallWorld, startCallWorld } from "./call-worker-support";
import { ctx, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// Script → shot list through the real routes, the job runner and the simulator over HTTP: the
// breakdown is one CHAT call held and settled in the ledger; the draft survives a reload and keeps
// its edits; accepting adds every shot or none (a bad shot, a stale version, a failure half-way
// through the inserts) and consumes the draft; viewers can neither break down nor accept; a budget
// refusal names the call and writes nothing; a ~20,000-character script is broken down in parts (one
// call each, merged in order), a failed part is named and retried alone.

type Done = Extract<BreakdownView, { status: "done" }>;

const SCRIPT_ZH = [
  "内景 咖啡馆 夜",
  "小林推门走进咖啡馆。她四处张望。",
  "小林：有人在吗？",
  "老板：我们打烊了。",
  "外景 街道 雨",
  "小林撑伞离开，雨越下越大。",
].join("\n");

describe.each(providers())("script breakdown on %s", (kind) => {
  let s: Studio;
  let sim: RunningSimulator;
  let world: CallWorld;
  let me: StudioUser;
  let seq = 0;
  let r: {
    films: typeof import("@/app/api/films/route");
    film: typeof import("@/app/api/films/[filmId]/route");
    script: typeof import("@/app/api/films/[filmId]/script/route");
    draft: typeof import("@/app/api/films/[filmId]/script/draft/route");
    accept: typeof import("@/app/api/films/[filmId]/script/accept/route");
    estimate: typeof import("@/app/api/films/[filmId]/script/estimate/route");
    retry: typeof import("@/app/api/films/[filmId]/script/retry/route");
  };

  const ORDER = ["HOLD", "CHARGE", "REFUND"];
  const ledgerOf = async (callId: string) =>
    (await s.db.ledgerEntry.findMany({ where: { callId }, select: { kind: true, amountFen: true } })).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const newFilm = async (user = me, query = "") =>
    (await expectOk<{ film: FilmView }>(r.films.POST(sendAs(user, "POST", `/api/films${query}`, { title: `Script ${seq++}`, aspect: "16:9" })), 201)).film;
  const breakDown = (filmId: string, text: string, user = me, key = randomUUID()) =>
    r.script.POST(sendAs(user, "POST", `/api/films/${filmId}/script`, { text }, { "idempotency-key": key }), ctx({ filmId }));
  const current = (filmId: string, user = me) => r.script.GET(sendAs(user, "GET", `/api/films/${filmId}/script`), ctx({ filmId }));
  const save = (filmId: string, body: unknown, user = me) => r.draft.PUT(sendAs(user, "PUT", `/api/films/${filmId}/script/draft`, body), ctx({ filmId }));
  const accept = (filmId: string, body: unknown, user = me) => r.accept.POST(sendAs(user, "POST", `/api/films/${filmId}/script/accept`, body), ctx({ filmId }));
  const shotsOf = (filmId: string) => s.db.shot.findMany({ where: { filmId }, orderBy: { position: "asc" } });

  beforeAll(async () => {
    // 1 fen per token, so every amount is a real number of tokens.
    s = await setupStudio(kind, { PRICE_FEN_PER_1K_CHAT_TOKENS: "1000", PROMPT_HELP_WAIT_MS: "15000" });
    r = {
      films: await import("@/app/api/films/route"),
      film: await import("@/app/api/films/[filmId]/route"),
      script: await import("@/app/api/films/[filmId]/script/route"),
      draft: await import("@/app/api/films/[filmId]/script/draft/route"),
      accept: await import("@/app/api/films/[filmId]/script/accept/route"),
      estimate: await import("@/app/api/films/[filmId]/script/estimate/route"),
      retry: await import("@/app/api/films/[filmId]/script/retry/route"),
    };
    world = await startCallWorld(s, { name: "script", chatLatencyMs: 10 });
    ({ sim } = world);
    me = await s.user(`script-${kind}@example.test`);
  });
  afterAll(async () => {
    await world?.stop();
    await s?.drop();
  });
  beforeEach(() => world.reset());

  it("breaks a Chinese script down (held, then settled from usage), keeps edits across reloads, accepts into the film", async () => {
    const film = await newFilm();
    const chars = [...SCRIPT_ZH].length;
    const estimate = await expectOk<{ heldFen: number }>(r.estimate.GET(sendAs(me, "GET", `/api/films/${film.id}/script/estimate?chars=${chars}`), ctx({ filmId: film.id })));
    expect(await expectOk<BreakdownView>(current(film.id))).toEqual({ status: "none" });

    const done = await expectOk<Done>(breakDown(film.id, SCRIPT_ZH));
    expect(done.status).toBe("done");
    expect(done.heldFen).toBe(estimate.heldFen);
    expect(done.repairs).toEqual([]);
    expect(done.shots.map((x) => [x.scene, x.mode, x.line])).toEqual([
      ["内景 咖啡馆 夜", "text", null],
      ["内景 咖啡馆 夜", "chain", null],
      ["内景 咖啡馆 夜", "image", "有人在吗？"],
      ["内景 咖啡馆 夜", "image", "我们打烊了。"],
      ["外景 街道 雨", "text", null],
    ]);
    const call = await s.db.aiCall.findUniqueOrThrow({ where: { id: done.callId } });
    expect(call.purpose).toBe("script.breakdown");
    expect((call.request as { response_format: unknown }).response_format).toEqual({ type: "json_object" });
    const usage = call.usage as { total_tokens: number };
    expect(done.costFen).toBe(usage.total_tokens);
    expect(await ledgerOf(done.callId)).toEqual([
      { kind: "HOLD", amountFen: done.heldFen },
      { kind: "CHARGE", amountFen: done.costFen },
      { kind: "REFUND", amountFen: done.heldFen - done.costFen },
    ]);
    expect(sim.control.stats().chatCompletions).toBe(1);

    // A reload shows the same draft; edits (a deleted row, a changed prompt, mode and seconds) are kept.
    expect(await expectOk<Done>(current(film.id))).toEqual(done);
    const edited: DraftShot[] = [{ ...done.shots[1]!, prompt: "她四处张望，镜头环绕。", seconds: 3 }, ...done.shots.slice(2)];
    const saved = await expectOk<{ version: number }>(save(film.id, { callId: done.callId, version: done.version, shots: edited }));
    expect(saved.version).toBe(done.version + 1);
    await expectRefused(save(film.id, { callId: done.callId, version: done.version, shots: edited }), 409, "draft_conflict");
    const reloaded = await expectOk<Done>(current(film.id));
    expect([reloaded.edited, reloaded.version, reloaded.shots]).toEqual([true, saved.version, edited]);
    // Nothing more was sent for the reloads and saves.
    expect(sim.control.stats().chatCompletions).toBe(1);

    const accepted = await expectOk<{ film: FilmView; added: number }>(accept(film.id, { callId: done.callId, version: saved.version, shots: edited }), 201);
    expect(accepted.added).toBe(4);
    const rows = await shotsOf(film.id);
    // The film's first shot cannot chain: it becomes a text shot. Seconds become the trim out (5 s: the whole take).
    expect(rows.map((x) => [x.position, x.sceneHeading, x.mode, x.startKind, x.caption, x.trimOut])).toEqual([
      [0, "内景 咖啡馆 夜", "TEXT", null, null, 72],
      [1, "内景 咖啡馆 夜", "IMAGE", null, "有人在吗？", 48],
      [2, "内景 咖啡馆 夜", "IMAGE", null, "我们打烊了。", 48],
      [3, "外景 街道 雨", "TEXT", null, null, 96],
    ]);
    expect(rows[0]!.prompt).toBe("她四处张望，镜头环绕。");
    // A spoken line's character is the shot's speaker (its voice comes from the film's cast).
    expect(rows.map((x) => x.speaker)).toEqual([null, edited[1]!.characters[0], edited[2]!.characters[0], null]);
    expect(edited[1]!.characters).toHaveLength(1);
    // The draft is consumed: a second accept adds nothing.
    expect(await expectOk<BreakdownView>(current(film.id))).toEqual({ status: "none" });
    await expectRefused(accept(film.id, { callId: done.callId, version: saved.version, shots: edited }), 409, "draft_conflict");
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(4);
    // The accept spent nothing.
    expect((await ledgerOf(done.callId)).length).toBe(3);
  });

  it("a chained shot after existing shots starts from the previous frame; an image shot picks the reference named like its character", async () => {
    const film = await newFilm();
    const upload = await s.db.upload.create({ data: { ownerId: me.id, storageKey: `k-${seq++}`, mime: "image/png", width: 64, height: 64, bytes: 10, sha256: randomUUID(), status: "READY" } });
    const reference = await s.db.reference.create({ data: { kind: "CHARACTER", name: "小林", ownerId: me.id, uploadId: upload.id } });
    const done = await expectOk<Done>(breakDown(film.id, SCRIPT_ZH));
    await expectOk(accept(film.id, { callId: done.callId, version: done.version, shots: done.shots }), 201);
    const again = await expectOk<Done>(breakDown(film.id, "小林：再见。\n她转身走远。她消失在雨里。"));
    await expectOk(accept(film.id, { callId: again.callId, version: again.version, shots: again.shots }), 201);
    const rows = await shotsOf(film.id);
    expect(rows.map((x) => [x.mode, x.startKind, x.startReferenceId])).toEqual([
      ["TEXT", null, null],
      ["IMAGE", "PREVIOUS", null],
      ["IMAGE", "REFERENCE", reference.id],
      ["IMAGE", null, null],
      ["TEXT", null, null],
      ["IMAGE", "REFERENCE", reference.id],
      ["TEXT", null, null],
      ["IMAGE", "PREVIOUS", null],
    ]);
  });

  it("accept is all or nothing: a bad shot, a stale version or a failure half-way adds no shot and keeps the draft", async () => {
    const film = await newFilm();
    const done = await expectOk<Done>(breakDown(film.id, SCRIPT_ZH));
    const body = { callId: done.callId, version: done.version, shots: done.shots };
    const bad = { ...body, shots: [done.shots[0], { ...done.shots[1]!, prompt: "长".repeat(513) }, done.shots[2]] };
    const refusal = await expectRefused(accept(film.id, bad), 422, "validation_failed");
    expect(refusal.fields?.[0]).toMatchObject({ path: "shots.1.prompt", key: "studio.error.promptTooLong" });
    await expectRefused(accept(film.id, { ...body, shots: [{ ...done.shots[0]!, seconds: 6 }] }), 422, "validation_failed");
    await expectRefused(accept(film.id, { ...body, shots: [] }), 422, "validation_failed");
    await expectRefused(accept(film.id, { ...body, version: done.version + 1 }), 409, "draft_conflict");
    await expectRefused(accept(film.id, { ...body, callId: "someothercall" }), 409, "draft_conflict");
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(0);

    // The database refuses the third insert: the two before it are rolled back with the draft's consumption.
    const refuseThird =
      kind === "sqlite"
        ? [`CREATE TRIGGER refuse_third_shot BEFORE INSERT ON "Shot" WHEN NEW."position" = 2 BEGIN SELECT RAISE(ABORT, 'refused'); END`]
        : [
            `CREATE FUNCTION refuse_third_shot() RETURNS trigger AS $$ BEGIN IF NEW."position" = 2 THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
            `CREATE TRIGGER refuse_third_shot BEFORE INSERT ON "Shot" FOR EACH ROW EXECUTE FUNCTION refuse_third_shot()`,
          ];
    for (const sql of refuseThird) await s.db.$executeRawUnsafe(sql);
    try {
      const res = await accept(film.id, body);
      expect(res.status).toBe(500);
    } finally {
      await s.db.$executeRawUnsafe(kind === "sqlite" ? `DROP TRIGGER refuse_third_shot` : `DROP TRIGGER refuse_third_shot ON "Shot"`);
      if (kind !== "sqlite") await s.db.$executeRawUnsafe(`DROP FUNCTION refuse_third_shot()`);
    }
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(0);
    expect((await expectOk<Done>(current(film.id))).version).toBe(done.version);
    await expectOk(accept(film.id, body), 201);
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(5);
  });

  it("team roles: a viewer can neither break down nor accept; a member can", async () => {
    const team = await teamOfThree(s, `script-${kind}`);
    const film = await newFilm(team.owner, `?team=${team.teamId}`);
    await expectRefused(breakDown(film.id, SCRIPT_ZH, team.viewer), 403, "team_role_forbidden");
    await expectRefused(current(film.id, team.viewer), 403, "team_role_forbidden");
    expect(sim.control.stats().requests.chat).toBe(0);
    const done = await expectOk<Done>(breakDown(film.id, SCRIPT_ZH, team.member));
    expect((await s.db.aiCall.findUniqueOrThrow({ where: { id: done.callId } })).teamId).toBe(team.teamId);
    const body = { callId: done.callId, version: done.version, shots: done.shots };
    await expectRefused(accept(film.id, body, team.viewer), 403, "team_role_forbidden");
    await expectRefused(save(film.id, body, team.viewer), 403, "team_role_forbidden");
    // Another member has no draft of theirs to accept.
    await expectRefused(accept(film.id, body, team.owner), 409, "draft_conflict");
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(0);
    await expectOk(accept(film.id, body, team.member), 201);
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(5);
    // Someone outside the team does not see the film at all.
    const stranger = await s.user(`script-stranger-${kind}@example.test`);
    await expectRefused(breakDown(film.id, SCRIPT_ZH, stranger), 404, "not_found");
  });

  it("a budget refusal names the text-model call and writes nothing; bad scripts are refused with the limit before any call", async () => {
    const film = await newFilm();
    const calls = await s.db.aiCall.count();
    await s.db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: 100 } });
    const refusal = await expectRefused(breakDown(film.id, SCRIPT_ZH), 402, "budget_instance_daily");
    expect(refusal.messages.en).toMatch(/^This text-model call would exceed/);
    expect(refusal.messages["zh-CN"]).toMatch(/^此次文本模型调用/);
    expect(await s.db.aiCall.count()).toBe(calls);
    expect(await expectOk<BreakdownView>(current(film.id))).toEqual({ status: "none" });

    const empty = await expectRefused(breakDown(film.id, "  \n "), 422, "validation_failed");
    expect(empty.fields?.[0]?.key).toBe("errors.field.script_empty");
    const long = await expectRefused(breakDown(film.id, "长".repeat(20_001)), 422, "validation_failed");
    expect(long.fields?.[0]?.key).toBe("errors.field.script_too_long");
    await expectRefused(r.estimate.GET(sendAs(me, "GET", `/api/films/${film.id}/script/estimate?chars=20001`), ctx({ filmId: film.id })), 422, "validation_failed");
    expect(sim.control.stats().requests.chat).toBe(0);
  });

  it("an unsafe script (1301) is refused with its coded reason, refunded in full, and leaves no draft to accept", async () => {
    const film = await newFilm();
    await expectRefused(breakDown(film.id, "内景 夜\nUNSAFE 的情节。"), 422, "ai_unsafe_content");
    const call = await s.db.aiCall.findFirstOrThrow({ where: { ownerId: me.id, errorCode: "unsafe_content", purpose: "script.breakdown" } });
    const rows = await ledgerOf(call.id);
    expect(rows.map((x) => x.kind)).toEqual(["HOLD", "REFUND"]);
    expect(rows[0]!.amountFen).toBe(rows[1]!.amountFen);
    await expectRefused(current(film.id), 422, "ai_unsafe_content");
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(0);
  });

  const SCENES = 46;
  // ~20,000 characters: scenes of long action sentences, each naming its scene, and a spoken line.
  const longScript = (marker = "") =>
    Array.from({ length: SCENES }, (_, i) =>
      [
        `INT. WAREHOUSE ${i} - NIGHT`,
        `In warehouse ${i}, Mara slips through the side door while the rain hammers the corrugated roof above the stacked crates.`,
        `In warehouse ${i}, a forklift's warning light sweeps slowly across the wet concrete floor and the long rows of shelving.`,
        `In warehouse ${i}, Mara crouches behind a pallet of boxes and listens to the footsteps of the night guard${i === 30 ? ` ${marker}` : ""}.`,
        `GUARD: Who's there? We closed hours ago, warehouse ${i} is locked.`,
      ].join("\n"),
    ).join("\n\n");

  it("a ~20,000-character script is broken down in parts: one held and settled call each, merged in order and continuous", async () => {
    const { splitScript } = await import("@/lib/shared/script-parts");
    const film = await newFilm();
    const script = longScript();
    const chars = [...script].length;
    expect(chars).toBeGreaterThan(19_500);
    expect(chars).toBeLessThanOrEqual(20_000);
    const parts = splitScript(script).length;
    expect(parts).toBeGreaterThan(3);
    const estimate = await expectOk<{ heldFen: number; calls: number }>(r.estimate.GET(sendAs(me, "GET", `/api/films/${film.id}/script/estimate?chars=${chars}&parts=${parts}`), ctx({ filmId: film.id })));
    expect(estimate.calls).toBe(parts);

    const key = randomUUID();
    const done = await expectOk<Done>(breakDown(film.id, script, me, key));
    expect([done.status, done.parts, done.answered]).toEqual(["done", parts, parts]);
    expect(done.heldFen).toBeLessThanOrEqual(estimate.heldFen);
    expect(done.repairs).toEqual([]);
    const calls = await s.db.aiCall.findMany({ where: { ownerId: me.id, idemKey: { startsWith: key } } });
    expect(calls).toHaveLength(parts);
    expect(sim.control.stats().chatCompletions).toBe(parts);
    for (const call of calls) {
      expect(call.status).toBe("DONE");
      expect((call.answer as { finishReason: string }).finishReason).toBe("stop");
      const rows = await ledgerOf(call.id);
      expect(rows.map((x) => x.kind)).toEqual(["HOLD", "CHARGE", "REFUND"]);
      expect(rows[1]!.amountFen + rows[2]!.amountFen).toBe(rows[0]!.amountFen);
    }
    expect(done.heldFen).toBe(calls.reduce((n, c) => n + c.costFen, 0));
    expect(done.costFen).toBe(calls.reduce((n, c) => n + (c.settledFen ?? 0), 0));

    // Every sentence became a shot, in the script's order, each in the scene its sentence belongs to —
    // across the parts' seams too.
    expect(done.shots).toHaveLength(SCENES * 4);
    done.shots.forEach((shot, i) => {
      const scene = Math.floor(i / 4);
      expect(shot.scene).toBe(`INT. WAREHOUSE ${scene} - NIGHT`);
      if (i % 4 === 3) expect([shot.mode, shot.line]).toEqual(["image", `Who's there? We closed hours ago, warehouse ${scene} is locked.`]);
      else expect(shot.prompt.startsWith(`In warehouse ${scene},`)).toBe(true);
    });
    // A later part was told where it stands.
    const second = calls.find((c) => c.idemKey === `${key}.1`)!;
    const context = (second.request as { messages: { role: string; content: string }[] }).messages[1]!;
    expect(context.role).toBe("system");
    expect(context.content).toContain(`part 2 of ${parts}`);
    expect(context.content).toMatch(/Scene in progress: INT\. WAREHOUSE \d+ - NIGHT/);
    expect(context.content).toContain("Characters so far: GUARD");

    // The same request again pays nothing more and answers the same draft.
    expect(await expectOk<Done>(breakDown(film.id, script, me, key))).toEqual(done);
    expect(await s.db.aiCall.count({ where: { ownerId: me.id, idemKey: { startsWith: key } } })).toBe(parts);
    await expectOk(accept(film.id, { callId: done.callId, version: done.version, shots: done.shots }), 201);
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(SCENES * 4);
  });

  it("a part that fails is named; only it is retried; accept waits for a complete draft; one charge per part in all", async () => {
    const { splitScript } = await import("@/lib/shared/script-parts");
    const film = await newFilm();
    const marker = `SIMFAULT${seq++}`;
    const script = longScript(marker);
    const split = splitScript(script);
    const faulty = split.findIndex((p) => p.includes(marker)) + 1;
    expect(faulty).toBeGreaterThan(1);
    const before = sim.control.switches().unsafeMarkers;
    sim.control.set({ unsafeMarkers: [...before, marker] });
    const key = randomUUID();
    try {
      const refusal = await expectRefused(breakDown(film.id, script, me, key), 502, "script_part_failed");
      expect(refusal.messages.en).toContain(`refused one part of the script as possibly unsafe: part ${faulty} of ${split.length}`);
      expect(refusal.messages["zh-CN"]).toContain(`剧本共 ${split.length} 段，其中 1 段（第 ${faulty} 段）被文本模型认为可能不安全`);
      await expectRefused(current(film.id), 502, "script_part_failed");
      // Never half a script: the answered parts cannot be saved or accepted on their own.
      const draft = await s.db.studioDraft.findUniqueOrThrow({ where: { userId_scope: { userId: me.id, scope: `script:${film.id}` } } });
      const callId = (draft.state as { callId: string }).callId;
      const shot = { scene: null, prompt: "p", mode: "text", characters: [], line: null, seconds: 5 };
      await expectRefused(save(film.id, { callId, version: draft.version, shots: [shot] }), 409, "script_incomplete");
      await expectRefused(accept(film.id, { callId, version: draft.version, shots: [shot] }), 409, "script_incomplete");
      expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(0);
    } finally {
      sim.control.set({ unsafeMarkers: before });
    }
    const retry = () => r.retry.POST(sendAs(me, "POST", `/api/films/${film.id}/script/retry`), ctx({ filmId: film.id }));
    const done = await expectOk<Done>(retry());
    expect([done.parts, done.answered, done.shots.length]).toEqual([split.length, split.length, SCENES * 4]);
    expect(done.shots[30 * 4 + 2]!.prompt).toContain(marker);
    // Only the failed part was sent again; a second retry has nothing to do.
    expect(sim.control.stats().chatCompletions).toBe(split.length);
    await expectRefused(retry(), 409, "not_retryable");

    const calls = await s.db.aiCall.findMany({ where: { ownerId: me.id, idemKey: { startsWith: key } } });
    expect(calls).toHaveLength(split.length + 1);
    const failed = calls.filter((c) => c.status === "FAILED");
    expect(failed.map((c) => c.errorCode)).toEqual(["unsafe_content"]);
    expect((await ledgerOf(failed[0]!.id)).map((x) => x.kind)).toEqual(["HOLD", "REFUND"]);
    const charges = await s.db.ledgerEntry.findMany({ where: { callId: { in: calls.map((c) => c.id) }, kind: "CHARGE" } });
    expect(charges).toHaveLength(split.length);
    expect(charges.reduce((n, c) => n + c.amountFen, 0)).toBe(done.costFen);
    await expectOk(accept(film.id, { callId: done.callId, version: done.version, shots: done.shots }), 201);
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(SCENES * 4);
  });

  it("a draft stored before scripts were split (one call, no part list) still reads and accepts", async () => {
    const film = await newFilm();
    const done = await expectOk<Done>(breakDown(film.id, SCRIPT_ZH));
    await s.db.studioDraft.update({ where: { userId_scope: { userId: me.id, scope: `script:${film.id}` } }, data: { state: { callId: done.callId, shots: null } } });
    const legacy = await expectOk<Done>(current(film.id));
    expect([legacy.parts, legacy.shots]).toEqual([1, done.shots]);
    await expectOk(accept(film.id, { callId: done.callId, version: legacy.version, shots: legacy.shots }), 201);
  });

  it("an answer that holds no shot list is reported with a bilingual error, never imported", async () => {
    const film = await newFilm();
    const call = await s.db.aiCall.create({
      data: { kind: "CHAT", purpose: "script.breakdown", ownerId: me.id, model: "glm-4-flash-250414", status: "DONE", costFen: 100, settledFen: 42, request: {}, answer: { content: "Sorry, I cannot do that.", finishReason: "stop" }, idemKey: randomUUID(), paramsHash: "x" },
    });
    await s.db.studioDraft.create({ data: { userId: me.id, scope: `script:${film.id}`, state: { callId: call.id, shots: null }, version: 1 } });
    const refusal = await expectRefused(current(film.id), 502, "ai_answer_invalid");
    expect(refusal.messages.en).toContain("shot list");
    expect(refusal.messages.en).toContain("¥0.42");
    // A draft of another call cannot be accepted through this one.
    await expectRefused(accept(film.id, { callId: "x", version: 1, shots: [{ scene: null, prompt: "p", mode: "text", characters: [], line: null, seconds: 5 }] }), 409, "draft_conflict");
    expect(await s.db.shot.count({ where: { filmId: film.id } })).toBe(0);
  });
});
