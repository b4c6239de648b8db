import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { exampleImageFetcher } from "@/tests/support/placeholder-image";
import { EXAMPLES, fakeRender } from "@/tests/support/simulator-fixtures";

// The simulator accepts what the platform's own clients send (docs/upstream.md): the documentation's
// curl examples (`Authorization: <key>`, no Bearer) for all three Vidu models, Bearer keys, SDK JWTs
// with or without Bearer, and the Python SDK's habit of sending unset options as null. Expired and
// badly signed tokens are refused with the platform's codes, and repeated request_ids follow the switch.

let sim: RunningSimulator;
let key = "";

async function post(body: unknown, authorization: string | undefined): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.baseUrl}/videos/generations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(authorization === undefined ? {} : { Authorization: authorization }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const code = (r: { body: Record<string, unknown> }) => (r.body.error as { code?: string } | undefined)?.code;

/** The official SDKs' token: header {alg HS256, sign_type SIGN}, claims api_key/exp/timestamp in ms. */
function sdkJwt(apiKey: string, opts: { expMs?: number; secret?: string } = {}): string {
  const [id = "", secret = ""] = apiKey.split(".");
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Date.now();
  const head = `${enc({ alg: "HS256", sign_type: "SIGN" })}.${enc({ api_key: id, exp: opts.expMs ?? now + 210_000, timestamp: now })}`;
  return `${head}.${createHmac("sha256", opts.secret ?? secret).update(head).digest("base64url")}`;
}

beforeAll(async () => {
  // The per-model cap is not what this file tests: a high one keeps its many creates from meeting 1302.
  sim = await startSimulator({ speed: 1000, concurrency: 1000, render: fakeRender, fetchImage: exampleImageFetcher });
  key = sim.keys[0] ?? "";
});
afterAll(async () => {
  await sim.close();
});

describe("the documentation's curl examples (Authorization: <key>, no Bearer)", () => {
  it.each(Object.entries(EXAMPLES))("%s is accepted", async (_name, body) => {
    const r = await post(body, key);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ model: body.model, task_status: "PROCESSING" });
  });
});

describe("authorization forms", () => {
  it("accepts Bearer <key>, a bare JWT and Bearer <JWT> (exp in ms or in seconds)", async () => {
    expect((await post(EXAMPLES.text, `Bearer ${key}`)).status).toBe(200);
    expect((await post(EXAMPLES.text, sdkJwt(key))).status).toBe(200);
    expect((await post(EXAMPLES.text, `Bearer ${sdkJwt(key)}`)).status).toBe(200);
    expect((await post(EXAMPLES.text, sdkJwt(key, { expMs: Math.floor(Date.now() / 1000) + 300 }))).status).toBe(200);
  });

  it("refuses an expired token (1003), a bad signature (1004), a malformed token (1002), a foreign key (401), no header (1001)", async () => {
    const expired = await post(EXAMPLES.text, `Bearer ${sdkJwt(key, { expMs: Date.now() - 1_000 })}`);
    expect([expired.status, code(expired)]).toEqual([401, "1003"]);
    const forged = await post(EXAMPLES.text, sdkJwt(key, { secret: "not-the-secret" }));
    expect([forged.status, code(forged)]).toEqual([401, "1004"]);
    const malformed = await post(EXAMPLES.text, "Bearer aaa.bbb.ccc");
    expect([malformed.status, code(malformed)]).toEqual([401, "1002"]);
    const foreign = await post(EXAMPLES.text, sdkJwt(`${"f".repeat(32)}.someothersecret1`));
    expect([foreign.status, code(foreign)]).toEqual([401, "401"]);
    const none = await post(EXAMPLES.text, undefined);
    expect([none.status, code(none)]).toEqual([401, "1001"]);
  });
});

describe("what the SDKs send", () => {
  it("every optional field as null is the same as not sent", async () => {
    const nulls = { request_id: null, user_id: null, with_audio: null, quality: null, fps: null, off_peak: null, style: null, aspect_ratio: null, size: null, duration: null, movement_amplitude: null };
    expect((await post({ model: "viduq1-text", prompt: "a lantern", ...nulls }, key)).status).toBe(200);
    expect((await post({ ...EXAMPLES.image, ...nulls, prompt: null }, key)).status).toBe(200);
    expect((await post({ ...EXAMPLES.startEnd, ...nulls }, key)).status).toBe(200);
  });

  it("image_url as an http URL and in object form", async () => {
    expect((await post({ ...EXAMPLES.image, image_url: "http://example.com/a.png" }, key)).status).toBe(200);
    expect((await post({ ...EXAMPLES.image, image_url: { url: "https://example.com/a.png" } }, key)).status).toBe(200);
    expect((await post({ ...EXAMPLES.startEnd, image_url: [{ url: "https://example.com/a.png" }, "http://example.com/b.png"] }, key)).status).toBe(200);
  });

  it("an unreachable image host is reported (1214), not replaced by an invented image", async () => {
    const r = await post({ ...EXAMPLES.image, image_url: "https://images.unreachable-host.net/a.png" }, key);
    expect([r.status, code(r)]).toEqual([400, "1214"]);
  });
});

describe("repeated request_id (switchable: UNVERIFIED upstream)", () => {
  const body = (id: string) => ({ ...EXAMPLES.text, request_id: id });
  it("refused: 400 1231, one accept", async () => {
    sim.control.set({ repeatRequestId: "refused" });
    expect((await post(body("rep-refused"), key)).status).toBe(200);
    const again = await post(body("rep-refused"), key);
    expect([again.status, code(again)]).toEqual([400, "1231"]);
    expect(sim.control.stats().acceptsByRequestId["rep-refused"]).toBe(1);
  });
  it("accepted: a second, separately billed task shows in the ledger", async () => {
    sim.control.set({ repeatRequestId: "accepted" });
    const a = await post(body("rep-accepted"), key);
    const b = await post(body("rep-accepted"), key);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(sim.control.stats().acceptsByRequestId["rep-accepted"]).toBe(2);
  });
  it("same: the first task's id again, one accept", async () => {
    sim.control.set({ repeatRequestId: "same" });
    const a = await post(body("rep-same"), key);
    const b = await post(body("rep-same"), key);
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(sim.control.stats().acceptsByRequestId["rep-same"]).toBe(1);
    sim.control.set({ repeatRequestId: "refused" });
  });
});
