import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/shared/generation-view";
import { providers } from "../support/test-db";
import { ctx, FIXTURES, getRequest, setupStudio, submitRequest, type Studio, type StudioUser, uploadRequest } from "./generations-api-support";

// POST/GET /api/generations, GET /api/generations/:id, cancel and retry against real databases.
const TEXT = { mode: "text", prompt: "A red fox runs through fresh snow", style: "general", aspectRatio: "16:9" };

describe.each(providers())("generations API on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let bob: StudioUser;

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
    bob = await s.user("bob@x.test");
  });
  afterAll(async () => s?.drop());

  // These cases send one body under many keys on purpose, so they confirm the repeat as a script must
  // (the guard itself: generations-api-repeat.test.ts). Raw strings (junk bodies) go as they are.
  const confirmed = (body: unknown) => (body && typeof body === "object" && !Array.isArray(body) ? { ...body, confirmRepeat: true } : body);
  const submit = (user: StudioUser, body: unknown, key: string | null) => s.routes.generations.POST(submitRequest(user, confirmed(body), key));

  async function upload(user: StudioUser, file: string): Promise<{ id: string; width: number; height: number }> {
    const res = await s.routes.uploads.POST(uploadRequest(user, fs.readFileSync(path.join(FIXTURES, "images", file)), file));
    expect(res.status, await res.clone().text()).toBe(201);
    return res.json();
  }

  it("queues a text clip: 202 {id, status, generation}, one row, one HOLD of PRICE_FEN", async () => {
    const res = await submit(alice, TEXT, "key-text-00001");
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; status: string; generation: GenerationView };
    expect(body.status).toBe("QUEUED");
    expect(body.generation).toMatchObject({
      id: body.id,
      mode: "text",
      model: "viduq1-text",
      prompt: TEXT.prompt,
      params: { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
      status: "QUEUED",
      costFen: 250,
      progress: 0.02,
      errorCode: null,
      errorMessage: null,
      media: {},
      inputs: [],
    });
    // Documented mean (285 s), compressed by the built-in simulator's speed (no API key in tests).
    const { env } = await import("@/lib/server/env");
    expect(body.generation.expectedMs).toBe(Math.round(285_000 / env().SIMULATOR_SPEED));
    expect(body.generation.upstream.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const ledger = await s.db.ledgerEntry.findMany({ where: { generationId: body.id } });
    expect(ledger).toMatchObject([{ kind: "HOLD", amountFen: 250, userId: alice.id }]);
  });

  it("replays the same key + body (same generation, no second row or hold) and refuses a different body (422)", async () => {
    const first = await (await submit(alice, TEXT, "key-replay-0001")).json();
    const again = await submit(alice, { ...TEXT, prompt: `  ${TEXT.prompt}  `, movementAmplitude: "auto" }, "key-replay-0001");
    expect(again.status).toBe(202);
    expect((await again.json()).id).toBe(first.id);
    expect(await s.db.generation.count({ where: { idemKey: "key-replay-0001" } })).toBe(1);
    expect(await s.db.ledgerEntry.count({ where: { generationId: first.id } })).toBe(1);
    const other = await submit(alice, { ...TEXT, prompt: "something else" }, "key-replay-0001");
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("idempotency_mismatch");
    // The key is per user: bob may use the same one.
    expect((await submit(bob, TEXT, "key-replay-0001")).status).toBe(202);
  });

  it("requires a well-formed Idempotency-Key (400) and a valid body (422, bilingual)", async () => {
    for (const key of [null, "short", "has space inside", "x".repeat(129), "ünïcode-key"]) {
      const res = await submit(alice, TEXT, key);
      expect(res.status, String(key)).toBe(400);
      expect((await res.json()).error.code).toBe("idempotency_key_required");
    }
    const bad = await submit(alice, { mode: "text", prompt: "" }, "key-bad-body-1");
    expect(bad.status).toBe(422);
    const { error } = await bad.json();
    expect(error.code).toBe("validation_failed");
    expect(error.messages["zh-CN"]).toBeTruthy();
    const junk: unknown[] = [null, [], 42, "x", { mode: "video" }, { mode: "image", uploadId: "../../etc" }, { mode: "start-end", uploadIds: ["a"] }];
    for (const body of junk) {
      const res = await s.routes.generations.POST(submitRequest(alice, JSON.stringify(body), "key-junk-00001"));
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect((await s.routes.generations.POST(submitRequest(alice, "{oops", "key-junk-00002"))).status).toBe(400);
  });

  it("401 when signed out", async () => {
    const res = await s.routes.generations.POST(submitRequest({ id: "x", cookie: "" }, TEXT, "key-anon-00001"));
    expect(res.status).toBe(401);
    expect((await s.routes.generations.GET(getRequest(null, "/api/generations"))).status).toBe(401);
  });

  it("image and start-end modes use the actor's uploads; foreign or unknown uploads are 422 upload_not_found", async () => {
    const land = await upload(alice, "landscape.png");
    const landEnd = await upload(alice, "landscape-end.jpg");
    const portrait = await upload(alice, "portrait.jpg");
    const bobs = await upload(bob, "square.webp");

    const img = await submit(alice, { mode: "image", prompt: "", uploadId: land.id, withAudio: true }, "key-image-00001");
    expect(img.status).toBe(202);
    const view = (await img.json()).generation as GenerationView;
    expect(view).toMatchObject({ mode: "image", model: "viduq1-image", params: { movementAmplitude: "auto", withAudio: true } });
    expect(view.inputs).toEqual([{ position: 0, uploadId: land.id, url: expect.stringMatching(new RegExp(`^/api/media/signed/uploads/${land.id}\\.\\w+\\?e=\\d+&a=u\\.${alice.id}&s=`)), width: land.width, height: land.height }]);

    const se = await submit(alice, { mode: "start-end", uploadIds: [land.id, landEnd.id] }, "key-se-0000001");
    expect(se.status).toBe(202);
    expect(((await se.json()).generation as GenerationView).inputs.map((i) => i.uploadId)).toEqual([land.id, landEnd.id]);

    const foreign = await submit(alice, { mode: "image", uploadId: bobs.id }, "key-foreign-001");
    expect(foreign.status).toBe(422);
    expect((await foreign.json()).error.code).toBe("upload_not_found");
    const missing = await submit(alice, { mode: "image", uploadId: "a".repeat(32) }, "key-missing-001");
    expect((await missing.json()).error.code).toBe("upload_not_found");

    // A landscape start with a portrait end has the same pixel area but not the same shape: refused,
    // saying which frame is which shape, on the end frame's field, in both languages.
    expect((land.width * land.height) / (portrait.width * portrait.height)).toBe(1);
    const pair = await submit(alice, { mode: "start-end", uploadIds: [land.id, portrait.id] }, "key-shape-00001");
    expect(pair.status).toBe(422);
    const shape = (await pair.json()).error;
    expect(shape.code).toBe("start_end_shape");
    expect(shape.fields).toEqual([
      expect.objectContaining({
        path: "uploadIds.1",
        key: "studio.error.shape.landscape.portrait",
        messages: { en: "The end frame is portrait and the start frame is landscape; crop one to match.", "zh-CN": "尾帧是竖版，首帧是横版；请裁剪其中一张，使两者形状一致。" },
      }),
    ]);
    const square = await upload(alice, "square.webp");
    const squareEnd = await submit(alice, { mode: "start-end", uploadIds: [land.id, square.id] }, "key-shape-00002");
    expect((await squareEnd.json()).error.fields[0].key).toBe("studio.error.shape.landscape.square");
    expect(await s.db.generation.count({ where: { idemKey: { in: ["key-foreign-001", "key-missing-001", "key-shape-00001", "key-shape-00002"] } } })).toBe(0);
  });

  it("GET /api/generations/:id is owner-only (404 for others and for unknown ids)", async () => {
    const { id } = await (await submit(alice, TEXT, "key-get-000001")).json();
    const mine = await s.routes.generation.GET(getRequest(alice, `/api/generations/${id}`), ctx({ id }));
    expect(mine.status).toBe(200);
    expect((await mine.json()).id).toBe(id);
    expect((await s.routes.generation.GET(getRequest(bob, `/api/generations/${id}`), ctx({ id }))).status).toBe(404);
    expect((await s.routes.generation.GET(getRequest(alice, "/api/generations/nope"), ctx({ id: "nope" }))).status).toBe(404);
    expect((await s.routes.generation.GET(getRequest(alice, "/api/generations/x"), ctx({ id: "../x" }))).status).toBe(404);
  });

  it("cancel: QUEUED → CANCELLED with one REFUND; anything else 409; foreign 404", async () => {
    const { id } = await (await submit(alice, TEXT, "key-cancel-0001")).json();
    const post = (u: StudioUser) => s.routes.cancel.POST(submitRequest(u, undefined, null), ctx({ id }));
    expect((await post(bob)).status).toBe(404);
    const res = await post(alice);
    expect(res.status).toBe(200);
    const view = (await res.json()) as GenerationView;
    expect(view).toMatchObject({ status: "CANCELLED", errorCode: "cancelled" });
    expect(view.finishedAt).not.toBeNull();
    expect(view.errorMessage?.["zh-CN"]).toBeTruthy();
    const again = await post(alice);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("not_cancellable");
    expect(await s.db.ledgerEntry.findMany({ where: { generationId: id }, select: { kind: true } })).toEqual(
      expect.arrayContaining([{ kind: "HOLD" }, { kind: "REFUND" }]),
    );
    expect(await s.db.ledgerEntry.count({ where: { generationId: id } })).toBe(2);
  });

  it("retry: FAILED → a new QUEUED clip with the same inputs (retryOfId); replay-safe; QUEUED source is 409", async () => {
    const land = await upload(alice, "landscape.png");
    const { id } = await (await submit(alice, { mode: "image", prompt: "waves", uploadId: land.id, movementAmplitude: "large" }, "key-retry-src01")).json();
    const retry = (u: StudioUser, key: string | null) => s.routes.retry.POST(submitRequest(u, undefined, key), ctx({ id }));
    const early = await retry(alice, "key-retry-0001");
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe("not_retryable");
    await s.db.generation.update({ where: { id }, data: { status: "FAILED", errorCode: "timeout", finishedAt: new Date() } });
    expect((await retry(alice, null)).status).toBe(400);
    expect((await retry(bob, "key-retry-0001")).status).toBe(404);
    const res = await retry(alice, "key-retry-0001");
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body.id).not.toBe(id);
    expect(body.generation).toMatchObject({ status: "QUEUED", mode: "image", prompt: "waves", params: { movementAmplitude: "large", withAudio: false } });
    expect(body.generation.inputs.map((i: { uploadId: string }) => i.uploadId)).toEqual([land.id]);
    const row = await s.db.generation.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.retryOfId).toBe(id);
    expect((await (await retry(alice, "key-retry-0001")).json()).id).toBe(body.id);
    // The same key on a plain submit is a different request.
    expect((await submit(alice, TEXT, "key-retry-0001")).status).toBe(422);
    // The failed source shows its reason in both languages.
    const src = await (await s.routes.generation.GET(getRequest(alice, `/api/generations/${id}`), ctx({ id }))).json();
    expect(src.errorMessage.en).toMatch(/too long/);
  });

  it("GET /api/upstream/status reports the mode and a closed breaker by default, the worker's breaker when set", async () => {
    const res = await s.routes.upstreamStatus.GET(getRequest(alice, "/api/upstream/status"));
    expect(await res.json()).toEqual({ mode: "simulator", breaker: { open: false, code: null, message: null, since: null } });
    const since = new Date().toISOString();
    await s.db.setting.create({ data: { key: "upstream.breaker", value: { open: true, code: "1113", since } } });
    expect(await (await s.routes.upstreamStatus.GET(getRequest(alice, "/api/upstream/status"))).json()).toEqual({
      mode: "simulator",
      breaker: { open: true, code: "1113", message: { en: "Insufficient balance or no resource package. Please recharge.", "zh-CN": "余额不足或无可用资源包,请充值。" }, since },
    });
    expect((await s.routes.upstreamStatus.GET(getRequest(null, "/api/upstream/status"))).status).toBe(401);
  });

  it("ledger helpers (used by the worker) write CHARGE and REFUND at most once each", async () => {
    const { charge, refund } = await import("@/lib/server/ledger/ledger");
    const { id } = await (await submit(alice, TEXT, "key-ledger-0001")).json();
    expect(await charge(s.db, id)).toBe(true);
    expect(await charge(s.db, id)).toBe(false);
    const twice = await Promise.all([refund(s.db, id, "1301"), refund(s.db, id, "1301")]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    const rows = await s.db.ledgerEntry.findMany({ where: { generationId: id } });
    expect(rows.map((r) => `${r.kind}:${r.amountFen}`).sort()).toEqual(["CHARGE:250", "HOLD:250", "REFUND:250"]);
  });

  it("expected duration is learned from recent STORED clips of the model (median), default before that", async () => {
    const { expectedGenerationMs, learnExpectedMs } = await import("@/lib/server/generations/expected-duration");
    expect(await learnExpectedMs(s.db, "viduq1-start-end")).toBe(100_000);
    const t0 = Date.now() - 3_600_000;
    for (const [i, secs] of [50, 60, 70, 65, 400].entries()) {
      const { id } = await (await submit(alice, { mode: "text", prompt: `timed ${i}` }, `key-timed-${i}-abc`)).json();
      await s.db.generation.update({
        where: { id },
        data: { model: "viduq1-start-end", status: "STORED", acceptedAt: new Date(t0 + i * 1000), successSeenAt: new Date(t0 + i * 1000 + secs * 1000) },
      });
    }
    expect(await learnExpectedMs(s.db, "viduq1-start-end")).toBe(65_000);
    expect(await expectedGenerationMs(s.db, "viduq1-start-end", Date.now() + 120_000)).toBe(65_000);
  });
});
