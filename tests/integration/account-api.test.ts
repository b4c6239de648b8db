import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/server/auth/password";
import { providers } from "../support/test-db";
import { sessionCookie } from "../support/route-env";
import { ctx, getRequest, setupStudio, type Studio } from "./generations-api-support";

// The account page's API (/api/account/*) and the admin's user list and reset links
// (/api/admin/users*), against real handlers and a real database on each provider.
const PW = "correct horse battery staple";
const ORIGIN = { origin: "http://localhost:3000", "content-type": "application/json" };

describe.each(providers())("accounts API on %s", (kind) => {
  let s: Studio;
  let admin: { id: string; cookie: string };
  let r: {
    account: typeof import("@/app/api/account/route");
    password: typeof import("@/app/api/account/password/route");
    everywhere: typeof import("@/app/api/account/sign-out-everywhere/route");
    reset: typeof import("@/app/api/account/reset/route");
    users: typeof import("@/app/api/admin/users/route");
    resetLink: typeof import("@/app/api/admin/users/[userId]/reset-link/route");
    signUp: typeof import("@/app/api/account/sign-up/route");
  };

  beforeAll(async () => {
    // The shipped default: invite-only once the first account exists.
    s = await setupStudio(kind, { REGISTRATION: "invite" });
    const a = await s.db.user.create({ data: { email: "root@x.test", role: "ADMIN", passwordHash: await hashPassword(PW) } });
    admin = { id: a.id, cookie: await sessionCookie(s.db, a.id, 0) };
    r = {
      account: await import("@/app/api/account/route"),
      password: await import("@/app/api/account/password/route"),
      everywhere: await import("@/app/api/account/sign-out-everywhere/route"),
      reset: await import("@/app/api/account/reset/route"),
      users: await import("@/app/api/admin/users/route"),
      resetLink: await import("@/app/api/admin/users/[userId]/reset-link/route"),
      signUp: await import("@/app/api/account/sign-up/route"),
    };
  });
  afterAll(async () => s?.drop());
  beforeEach(async () => {
    (await import("@/lib/server/auth/hash-gate")).resetHashGate();
    (await import("@/lib/server/users/password-change-limit")).resetPasswordChangeLimit();
  });

  const send = (cookie: string | null, url: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
    getRequest(cookie ? { id: "", cookie } : null, url, { ...ORIGIN, ...headers }, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const who = (cookie: string) => r.account.GET(getRequest({ id: "", cookie }, "/api/account"));
  async function person(email: string) {
    const u = await s.db.user.create({ data: { email, passwordHash: await hashPassword(PW) } });
    return { id: u.id, cookie: await sessionCookie(s.db, u.id, 0) };
  }
  const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

  it("registration is invite-only by default after the first account", async () => {
    const res = await r.signUp.POST(send(null, "/api/account/sign-up", "POST", { email: "stranger@x.test", password: PW }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("registration_closed");
  });

  it("while invite-only, an open team invitation link lets its holder register (it is not used up by that); a revoked one does not", async () => {
    const { linkTokenHash, newLinkToken } = await import("@/lib/server/link-token");
    const team = await s.db.team.create({ data: { name: "Crew", memberships: { create: [{ userId: admin.id, role: "OWNER" }] } } });
    const token = newLinkToken();
    const invite = await s.db.teamInvite.create({ data: { teamId: team.id, tokenHash: linkTokenHash(token), role: "MEMBER", maxUses: 1, expiresAt: new Date(Date.now() + 3600_000), createdById: admin.id } });
    const res = await r.signUp.POST(send(null, "/api/account/sign-up", "POST", { email: "newcomer@x.test", password: PW, invite: token }));
    expect(res.status).toBe(201);
    expect(await s.db.user.count({ where: { email: "newcomer@x.test" } })).toBe(1);
    expect((await s.db.teamInvite.findUniqueOrThrow({ where: { id: invite.id } })).uses).toBe(0);
    await s.db.teamInvite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    const revoked = await r.signUp.POST(send(null, "/api/account/sign-up", "POST", { email: "late@x.test", password: PW, invite: token }));
    expect(revoked.status).toBe(403);
    expect((await revoked.json()).error.code).toBe("invalid_invite");
  });

  it("GET/PATCH /api/account: reads and changes the display name and language; the language is also the cookie", async () => {
    const u = await person("named@x.test");
    expect(await (await who(u.cookie)).json()).toMatchObject({ email: "named@x.test", name: null, locale: null, hasPassword: true });
    const res = await r.account.PATCH(send(u.cookie, "/api/account", "PATCH", { name: "  Lin Wei ", locale: "zh-CN" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Lin Wei", locale: "zh-CN" });
    expect(res.headers.get("set-cookie")).toContain("fh_locale=zh-CN");
    // An empty name clears it (the header falls back to the email).
    expect(await (await r.account.PATCH(send(u.cookie, "/api/account", "PATCH", { name: "" }))).json()).toMatchObject({ name: null, locale: "zh-CN" });
    // Bad input: coded, bilingual, with the field; unknown fields (email, role) are refused, not ignored.
    const bad = await r.account.PATCH(send(u.cookie, "/api/account", "PATCH", { name: "x".repeat(81) }, { "accept-language": "zh-CN" }));
    expect(bad.status).toBe(422);
    const body = (await bad.json()).error;
    expect(body.fields[0]).toMatchObject({ path: "name" });
    expect(body.fields[0].messages.en).toBeTruthy();
    expect((await r.account.PATCH(send(u.cookie, "/api/account", "PATCH", { role: "ADMIN" }))).status).toBe(422);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe("USER");
    expect((await r.account.GET(getRequest(null, "/api/account"))).status).toBe(401);
  });

  it("POST /api/account/password: wrong current password is a field error; success ends other sessions and re-issues this one; audited", async () => {
    const u = await person("pw@x.test");
    const other = await sessionCookie(s.db, u.id, 0); // another device
    const wrong = await r.password.POST(send(u.cookie, "/api/account/password", "POST", { current: "not my password", next: "a brand new password" }));
    expect(wrong.status).toBe(422);
    const err = (await wrong.json()).error;
    expect(err.code).toBe("wrong_password");
    expect(err.fields).toEqual([expect.objectContaining({ path: "current" })]);
    expect(err.messages["zh-CN"]).toBeTruthy();
    const short = await r.password.POST(send(u.cookie, "/api/account/password", "POST", { current: PW, next: "short" }));
    expect(short.status).toBe(422);
    expect((await short.json()).error.fields[0].path).toBe("next");

    const ok = await r.password.POST(send(u.cookie, "/api/account/password", "POST", { current: PW, next: "a brand new password" }));
    expect(ok.status).toBe(200);
    const fresh = cookieOf(ok);
    expect(fresh).toMatch(/^next-auth\.session-token=.+/);
    expect((await who(fresh)).status).toBe(200); // this device continues
    expect((await who(u.cookie)).status).toBe(401); // its old token is spent
    expect((await who(other)).status).toBe(401); // every other device is signed out
    const { verifyPassword } = await import("@/lib/server/auth/password");
    expect(await verifyPassword("a brand new password", (await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash!)).toBe(true);
    expect(await s.db.auditEvent.count({ where: { action: "account.password_change", targetId: u.id } })).toBe(1);
  });

  it("POST /api/account/password is rate limited per account (429 with Retry-After)", async () => {
    const u = await person("guess@x.test");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await r.password.POST(send(u.cookie, "/api/account/password", "POST", { current: `guess number ${i}`, next: "a brand new password" }));
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
  });

  it("POST /api/account/sign-out-everywhere ends every session, this one too; audited", async () => {
    const u = await person("everywhere@x.test");
    const other = await sessionCookie(s.db, u.id, 0);
    const res = await r.everywhere.POST(send(u.cookie, "/api/account/sign-out-everywhere", "POST"));
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/next-auth\.session-token=;.*Max-Age=0/);
    expect((await who(u.cookie)).status).toBe(401);
    expect((await who(other)).status).toBe(401);
    expect((await who(await sessionCookie(s.db, u.id, 1))).status).toBe(200); // the next sign-in works
    expect(await s.db.auditEvent.count({ where: { action: "account.sign_out_everywhere", actorId: u.id } })).toBe(1);
    const cross = await r.everywhere.POST(send(await sessionCookie(s.db, u.id, 1), "/api/account/sign-out-everywhere", "POST", undefined, { origin: "https://evil.example" }));
    expect(cross.status).toBe(403);
  });

  it("admin reset link: shown once, one use, sets the password, ends sessions; a used or expired link is 410; audited", async () => {
    const u = await person("forgot@x.test");
    const made = await r.resetLink.POST(send(admin.cookie, `/api/admin/users/${u.id}/reset-link`, "POST"), ctx({ userId: u.id }));
    expect(made.status).toBe(201);
    const { url, expiresAt } = await made.json();
    expect(url).toMatch(/^http:\/\/localhost:3000\/reset\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const token = url.split("/").pop()!;
    // Only the hash is stored.
    expect(await s.db.passwordReset.count({ where: { tokenHash: token } })).toBe(0);
    expect(await s.db.passwordReset.count({ where: { userId: u.id } })).toBe(1);

    const weak = await r.reset.POST(send(null, "/api/account/reset", "POST", { token, password: "short" }));
    expect(weak.status).toBe(422);
    const done = await r.reset.POST(send(null, "/api/account/reset", "POST", { token, password: "reset password 42" }));
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ email: "forgot@x.test" });
    expect((await who(u.cookie)).status).toBe(401);
    const again = await r.reset.POST(send(null, "/api/account/reset", "POST", { token, password: "reset password 43" }, { "accept-language": "zh-CN" }));
    expect(again.status).toBe(410);
    const body = (await again.json()).error;
    expect(body.code).toBe("reset_link_invalid");
    expect(body.messages.en).toMatch(/expired or was already used/);
    expect(body.message).toBe(body.messages["zh-CN"]);
    expect((await r.reset.POST(send(null, "/api/account/reset", "POST", { token: "forged", password: "reset password 44" }))).status).toBe(410);

    // Expired: a link whose time ran out is refused like a used one.
    const late = await r.resetLink.POST(send(admin.cookie, `/api/admin/users/${u.id}/reset-link`, "POST"), ctx({ userId: u.id }));
    const lateToken = (await late.json()).url.split("/").pop();
    await s.db.passwordReset.updateMany({ where: { userId: u.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await r.reset.POST(send(null, "/api/account/reset", "POST", { token: lateToken, password: "reset password 45" }))).status).toBe(410);

    expect(await s.db.auditEvent.count({ where: { action: "user.reset_link", targetId: u.id, actorId: admin.id } })).toBe(2);
    expect(await s.db.auditEvent.count({ where: { action: "user.password_reset", targetId: u.id } })).toBe(1);
    const unknown = await r.resetLink.POST(send(admin.cookie, "/api/admin/users/c00000000000000000000000/reset-link", "POST"), ctx({ userId: "c00000000000000000000000" }));
    expect(unknown.status).toBe(404);
  });

  it("two tabs using one reset link at once: exactly one wins", async () => {
    const u = await person("race@x.test");
    const made = await r.resetLink.POST(send(admin.cookie, `/api/admin/users/${u.id}/reset-link`, "POST"), ctx({ userId: u.id }));
    const token = (await made.json()).url.split("/").pop();
    const [a, b] = await Promise.all([
      r.reset.POST(send(null, "/api/account/reset", "POST", { token, password: "first password 1" })),
      r.reset.POST(send(null, "/api/account/reset", "POST", { token, password: "second password 2" })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    expect(await s.db.auditEvent.count({ where: { action: "user.password_reset", targetId: u.id } })).toBe(1);
  });

  it("GET /api/admin/users: search by email or name, last seen, spend this month", async () => {
    const u = await person("spender@x.test");
    await s.db.user.update({ where: { id: u.id }, data: { name: "Zhang San" } });
    // A request with a live session marks the user as seen (at most once per interval).
    expect((await who(u.cookie)).status).toBe(200);
    const { waitFor } = await import("../support/wait-for");
    await waitFor("lastSeenAt written", async () => (await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).lastSeenAt, 5_000);
    // Two clips this month: one kept (¥5.00), one refunded (¥2.50 held, ¥2.50 back) = ¥5.00 spent.
    for (const [amount, refunded] of [[500, false], [250, true]] as const) {
      const g = await s.db.generation.create({
        data: { ownerId: u.id, teamId: null, mode: "TEXT", model: "viduq1-text", params: {}, idemKey: `acc-${amount}`, paramsHash: "x", upstreamRequestId: crypto.randomUUID(), costFen: amount },
      });
      await s.db.ledgerEntry.create({ data: { generationId: g.id, userId: u.id, kind: "HOLD", amountFen: amount } });
      if (refunded) await s.db.ledgerEntry.create({ data: { generationId: g.id, userId: u.id, kind: "REFUND", amountFen: amount } });
    }
    const byName = await (await r.users.GET(getRequest(admin, "/api/admin/users?q=zhang"))).json();
    expect(byName.users.map((x: { email: string }) => x.email)).toEqual(["spender@x.test"]);
    expect(byName.users[0].lastSeenAt).toBeTruthy();
    expect(byName.users[0].spentThisMonthFen).toBe(500);
    const byEmail = await (await r.users.GET(getRequest(admin, "/api/admin/users?q=SPENDER@"))).json();
    expect(byEmail.users).toHaveLength(1);
    const all = await (await r.users.GET(getRequest(admin, "/api/admin/users"))).json();
    expect(all.users.length).toBeGreaterThan(3);
    expect((await r.users.GET(getRequest(u, "/api/admin/users"))).status).toBe(403);
  });
});
