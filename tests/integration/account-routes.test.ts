import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDb, type TestDb } from "../support/test-db";
import { jsonRequest, sessionCookie, useTestEnv } from "../support/route-env";

// Real route handlers, real Requests, real database: the API contract the UI relies on.
let t: TestDb;
let signUp: typeof import("@/app/api/account/sign-up/route").POST;
let settings: typeof import("@/app/api/admin/settings/route");
let locale: typeof import("@/app/api/locale/route").POST;
let health: typeof import("@/app/api/health/route").GET;

beforeAll(async () => {
  t = await createSqliteTestDb();
  useTestEnv(t.url);
  signUp = (await import("@/app/api/account/sign-up/route")).POST;
  settings = await import("@/app/api/admin/settings/route");
  locale = (await import("@/app/api/locale/route")).POST;
  health = (await import("@/app/api/health/route")).GET;
});
afterAll(async () => t?.drop());

const PW = "correct horse battery staple";

describe("POST /api/account/sign-up", () => {
  it("creates the first account as instance admin (201)", async () => {
    const res = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "first@x.test", password: PW }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ email: "first@x.test" });
    expect(await t.client.user.findUniqueOrThrow({ where: { email: "first@x.test" } })).toMatchObject({ role: "ADMIN" });
  });

  it("answers a registered email exactly like a new one and changes nothing (no user enumeration)", async () => {
    const before = await t.client.user.findUniqueOrThrow({ where: { email: "first@x.test" } });
    const known = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "First@X.test", password: "another password 123", name: "Mallory" }));
    const fresh = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "fresh@x.test", password: PW }));
    expect(known.status).toBe(fresh.status);
    expect(Object.keys(await known.json())).toEqual(Object.keys(await fresh.json()));
    expect(await t.client.user.findUniqueOrThrow({ where: { email: "first@x.test" } })).toEqual(before);
  });

  it("answers bad input with 422, field paths and both languages", async () => {
    const res = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "nope", password: "x" }));
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["email", "password"]);
    expect(error.fields[0].messages["zh-CN"]).toBeTruthy();
    expect(error.messages).toEqual({ en: "Some fields are not valid.", "zh-CN": "部分字段无效。" });
  });

  it("localizes the message from Accept-Language", async () => {
    const res = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "nope", password: PW }, { "accept-language": "zh-CN,zh;q=0.9" }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "validation_failed", message: "部分字段无效。" });
  });

  it("rejects malformed JSON (400), oversize bodies (413) and cross-site posts (403)", async () => {
    expect((await signUp(jsonRequest("/api/account/sign-up", "POST", "{oops"))).status).toBe(400);
    const big = { email: "big@x.test", password: PW, name: "x".repeat(70_000) };
    expect((await signUp(jsonRequest("/api/account/sign-up", "POST", big))).status).toBe(413);
    const csrf = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "c@x.test", password: PW }, { origin: "https://evil.example" }));
    expect(csrf.status).toBe(403);
    expect((await csrf.json()).error.code).toBe("csrf");
    const nullOrigin = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "c@x.test", password: PW }, { origin: "null" }));
    expect(nullOrigin.status).toBe(403);
  });

  it("never answers 500 to junk bodies", async () => {
    const junk: unknown[] = [null, [], 42, "str", { email: [] }, { email: "a@b.co", password: { $gt: "" } }, { __proto__: { admin: true } }];
    for (const body of junk) {
      const res = await signUp(jsonRequest("/api/account/sign-up", "POST", JSON.stringify(body)));
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect((await res.json()).error.code).toBeTruthy();
    }
  });
});

describe("admin settings are authorized inside the handler", () => {
  it("401 signed out, 403 for a normal user, 200 for the instance admin", async () => {
    expect((await settings.GET(jsonRequest("/api/admin/settings", "GET"))).status).toBe(401);
    const user = await t.client.user.create({ data: { email: "plain@x.test" } });
    const asUser = await settings.PUT(jsonRequest("/api/admin/settings", "PUT", { registration: "invite" }, { cookie: await sessionCookie(t.client, user.id) }));
    expect(asUser.status).toBe(403);
    const admin = await t.client.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const cookie = await sessionCookie(t.client, admin.id);
    const ok = await settings.PUT(jsonRequest("/api/admin/settings", "PUT", { registration: "invite" }, { cookie }));
    expect(ok.status).toBe(200);
    expect(await (await settings.GET(jsonRequest("/api/admin/settings", "GET", undefined, { cookie }))).json()).toEqual({ registration: "invite" });
    const closed = await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "late@x.test", password: PW }));
    expect(closed.status).toBe(403);
    expect((await closed.json()).error.code).toBe("registration_closed");
  });

  it("a demoted or disabled admin loses access on the very next request", async () => {
    const admin = await t.client.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const cookie = await sessionCookie(t.client, admin.id);
    await t.client.user.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    expect((await settings.GET(jsonRequest("/api/admin/settings", "GET", undefined, { cookie }))).status).toBe(401);
    await t.client.user.update({ where: { id: admin.id }, data: { disabledAt: null, role: "USER" } });
    expect((await settings.GET(jsonRequest("/api/admin/settings", "GET", undefined, { cookie }))).status).toBe(403);
    await t.client.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  });

  it("a forged session token is ignored", async () => {
    const res = await settings.GET(jsonRequest("/api/admin/settings", "GET", undefined, { cookie: "next-auth.session-token=forged.jwt.value" }));
    expect(res.status).toBe(401);
  });
});

describe("POST /api/locale and GET /api/health", () => {
  it("sets the locale cookie and rejects unknown locales", async () => {
    const ok = await locale(jsonRequest("/api/locale", "POST", { locale: "zh-CN" }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toContain("fh_locale=zh-CN");
    expect((await locale(jsonRequest("/api/locale", "POST", { locale: "fr" }))).status).toBe(422);
  });

  it("reports up (the details are for instance admins: health-route.test.ts)", async () => {
    const res = await health(jsonRequest("/api/health", "GET"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, status: "up" });
  });
});
