import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/server/auth/password";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { providers } from "../support/test-db";
import { waitFor } from "../support/wait-for";
import { getRequest, setupStudio, type Studio } from "./generations-api-support";

// "Forgot password?" by email (POST /api/account/reset-request) against a real SMTP server
// (smtp-server, with a login), real handlers and a real database on each provider: the same 202 for
// every address, one mail with a one-time link for a known one, rate limits, and an SMTP server that
// is down changing nothing in the answer.
const PW = "correct horse battery staple";
const FROM = "Framehouse <studio@framehouse.test>";
const LINK = /http:\/\/localhost:3000\/reset\/([A-Za-z0-9_-]{43})/;

type Routes = {
  request: typeof import("@/app/api/account/reset-request/route");
  reset: typeof import("@/app/api/account/reset/route");
};

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  getRequest(null, url, { origin: "http://localhost:3000", "content-type": "application/json", "x-framehouse-client-ip": "203.0.113.7", ...headers }, { method: "POST", body: JSON.stringify(body) });

async function settle() {
  await (await import("@/lib/server/users/request-reset")).settleResetRequests();
}

describe.each(providers())("password reset by email on %s", (kind) => {
  let s: Studio;
  let sink: SmtpSink;
  let r: Routes;

  beforeAll(async () => {
    sink = await startSmtpSink();
    s = await setupStudio(kind, { SMTP_URL: sink.url, MAIL_FROM: FROM });
    r = { request: await import("@/app/api/account/reset-request/route"), reset: await import("@/app/api/account/reset/route") };
  });
  afterAll(async () => {
    await sink?.close();
    await s?.drop();
  });
  beforeEach(async () => {
    (await import("@/lib/server/users/reset-request-limit")).resetResetRequestLimit();
    (await import("@/lib/server/auth/hash-gate")).resetHashGate();
    sink.mails.length = 0;
  });

  async function person(email: string, data: { locale?: string; disabledAt?: Date } = {}) {
    return s.db.user.create({ data: { email, passwordHash: await hashPassword(PW), ...data } });
  }
  const ask = (email: string, headers: Record<string, string> = {}) => r.request.POST(post("/api/account/reset-request", { email }, headers));

  it("a known email: 202 at once, then one mail (link + expiry only) whose link works once and ends every session; audited, the token nowhere stored", async () => {
    const u = await person("known@x.test", { locale: "zh-CN" });
    const res = await ask("Known@X.test", { "accept-language": "en" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    // The answer did not wait for the mail.
    expect(sink.mails).toHaveLength(0);
    const mail = await waitFor("the reset mail", async () => sink.mails[0], 30_000);
    await settle();
    expect(sink.mails).toHaveLength(1);
    expect(mail.to).toEqual(["known@x.test"]);
    expect(mail.from).toBe("studio@framehouse.test");
    // The account's language (zh-CN) wins over the request's (en).
    expect(mail.subject).toBe("重置您的 Framehouse 密码");
    const token = LINK.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    expect(mail.html).toContain(`href="http://localhost:3000/reset/${token}"`);
    expect(mail.text).toMatch(/有效期至 .+ UTC/);
    expect(mail.raw).not.toContain(PW);

    const before = (await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion;
    const done = await r.reset.POST(post("/api/account/reset", { token, password: "mailed password 1" }));
    expect(done.status).toBe(200);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion).toBe(before + 1);
    const again = await r.reset.POST(post("/api/account/reset", { token, password: "mailed password 2" }));
    expect(again.status).toBe(410);

    const events = await s.db.auditEvent.findMany({ where: { targetId: u.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.data])).toEqual([
      ["user.reset_requested", { mail: true }],
      ["user.reset_mail", { sent: true }],
      ["user.password_reset", null],
    ]);
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(await s.db.passwordReset.findMany({ where: { userId: u.id } }))).not.toContain(token);
    expect(await s.db.passwordReset.findFirstOrThrow({ where: { userId: u.id } })).toMatchObject({ createdById: null });
  });

  it("without a saved language the mail follows the request's; a new request makes the previous mailed link stop working", async () => {
    const u = await person("twice@x.test");
    const oldToken = await mailedToken("twice@x.test", { "accept-language": "en-GB" });
    expect(sink.mails[0]!.subject).toBe("Reset your Framehouse password");
    expect(sink.mails[0]!.text).toMatch(/The link works once, until .+ UTC\./);
    sink.mails.length = 0;
    const newToken = await mailedToken("twice@x.test");
    expect(newToken).not.toBe(oldToken);
    expect((await r.reset.POST(post("/api/account/reset", { token: oldToken, password: "mailed password 3" }))).status).toBe(410);
    expect((await r.reset.POST(post("/api/account/reset", { token: newToken, password: "mailed password 4" }))).status).toBe(200);
    expect(await s.db.auditEvent.count({ where: { targetId: u.id, action: "user.reset_requested" } })).toBe(2);
  });

  it("an admin's reset link stays valid when the person also asks by email", async () => {
    const admin = await s.db.user.create({ data: { email: "root@x.test", role: "ADMIN" } });
    const u = await person("both@x.test");
    const { createResetLink } = await import("@/lib/server/users/password-reset");
    const adminLink = await createResetLink(s.db, { id: admin.id } as Parameters<typeof createResetLink>[1], u.id, "127.0.0.1");
    await mailedToken("both@x.test");
    expect((await r.reset.POST(post("/api/account/reset", { token: adminLink.token, password: "admin link password" }))).status).toBe(200);
  });

  it("an unknown or disabled email: the same answer, no mail, no link; a disabled account's attempt is audited", async () => {
    const unknown = await ask("nobody@x.test");
    const disabled = await person("off@x.test", { disabledAt: new Date() });
    const off = await ask("off@x.test");
    for (const res of [unknown, off]) {
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ ok: true });
    }
    await settle();
    expect(sink.mails).toHaveLength(0);
    expect(await s.db.passwordReset.count({ where: { userId: disabled.id } })).toBe(0);
    const events = await s.db.auditEvent.findMany({ where: { action: { startsWith: "user.reset_" }, targetId: disabled.id } });
    expect(events.map((e) => [e.action, e.data])).toEqual([["user.reset_requested", { mail: false, reason: "disabled" }]]);
  });

  it("bad input is a coded 422; the rate limits answer 429 with Retry-After, per email and per address, before any work", async () => {
    const bad = await ask("not an email");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].path).toBe("email");

    await person("flood@x.test");
    for (let i = 0; i < 3; i++) expect((await ask("flood@x.test", { "x-framehouse-client-ip": `198.51.100.${i}` })).status).toBe(202);
    const limited = await ask("flood@x.test", { "x-framehouse-client-ip": "198.51.100.9", "accept-language": "zh-CN" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await limited.json()).error;
    expect(body.code).toBe("rate_limited");
    expect(body.messages.en).toBeTruthy();
    expect(body.message).toBe(body.messages["zh-CN"]);
    await settle();
    expect(sink.mails).toHaveLength(3);

    sink.mails.length = 0;
    for (let i = 0; i < 5; i++) expect((await ask(`someone-${i}@x.test`, { "x-framehouse-client-ip": "192.0.2.1" })).status).toBe(202);
    expect((await ask("flood2@x.test", { "x-framehouse-client-ip": "192.0.2.1" })).status).toBe(429);
    // A refused request did nothing: no link for the account it named.
    const flood2 = await person("flood2@x.test");
    await settle();
    expect(await s.db.passwordReset.count({ where: { userId: flood2.id } })).toBe(0);
  });

  it("an SMTP server that is down: still 202, the failure logged and audited, the answer unchanged (last: stops the server)", async () => {
    const u = await person("down@x.test");
    await sink.close();
    const logged: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      const res = await ask("down@x.test");
      expect(res.status).toBe(202);
      await settle();
    } finally {
      spy.mockRestore();
    }
    const events = await s.db.auditEvent.findMany({ where: { targetId: u.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.data])).toEqual([
      ["user.reset_requested", { mail: true }],
      ["user.reset_mail", { sent: false }],
    ]);
    const line = logged.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "reset.mail_failed");
    expect(line).toMatchObject({ level: "warn", userId: u.id });
    expect(line?.code).toMatch(/^E[A-Z]+$/); // nodemailer's ECONNECTION / ESOCKET: refused connection
    expect(logged.join("")).not.toContain("sink-password-0123");
  });

  async function mailedToken(email: string, headers: Record<string, string> = {}): Promise<string> {
    expect((await ask(email, headers)).status).toBe(202);
    await settle();
    const mail = sink.mails.at(-1);
    const token = mail && LINK.exec(mail.text)?.[1];
    if (!token) throw new Error(`no reset mail for ${email}`);
    return token;
  }
});

describe.each(providers())("password reset by email without SMTP on %s", (kind) => {
  let s: Studio;
  beforeAll(async () => {
    // Empty = unset (env.ts); the describe above set them in this process's environment.
    s = await setupStudio(kind, { SMTP_URL: "", MAIL_FROM: "" });
  });
  afterAll(async () => s?.drop());

  it("the route answers 404 reset_mail_off in both languages and creates nothing", async () => {
    const u = await s.db.user.create({ data: { email: "nomail@x.test" } });
    const { POST } = await import("@/app/api/account/reset-request/route");
    const res = await POST(post("/api/account/reset-request", { email: "nomail@x.test" }, { "accept-language": "zh-CN" }));
    expect(res.status).toBe(404);
    const body = (await res.json()).error;
    expect(body.code).toBe("reset_mail_off");
    expect(body.messages.en).toMatch(/ask an administrator/);
    expect(body.message).toBe(body.messages["zh-CN"]);
    await settle();
    expect(await s.db.passwordReset.count({ where: { userId: u.id } })).toBe(0);
  });
});
