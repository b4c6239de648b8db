import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { encode } from "next-auth/jwt";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "../support/test-db";
import { sessionCookie, TEST_SECRET } from "../support/route-env";
import { ctx, getRequest, setupStudio, streamEnds, type Studio } from "./generations-api-support";

// Active sessions (UserSession rows, lib/server/auth/user-sessions.ts): a sign-in writes a row whose id
// the token carries; the account lists its rows and ends them one by one, all but this one, or all;
// a revoked row fails its token's next request and ends its live streams; disabling revokes them all.
const ORIGIN = { origin: "http://localhost:3000" };
const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe.each(providers())("active sessions on %s", (kind) => {
  let s: Studio;
  let r: {
    sessions: typeof import("@/app/api/account/sessions/route");
    one: typeof import("@/app/api/account/sessions/[sessionId]/route");
    others: typeof import("@/app/api/account/sign-out-others/route");
    everywhere: typeof import("@/app/api/account/sign-out-everywhere/route");
    account: typeof import("@/app/api/account/route");
    disable: typeof import("@/app/api/admin/users/[userId]/disable/route");
  };
  let seq = 0;

  beforeAll(async () => {
    s = await setupStudio(kind);
    r = {
      sessions: await import("@/app/api/account/sessions/route"),
      one: await import("@/app/api/account/sessions/[sessionId]/route"),
      others: await import("@/app/api/account/sign-out-others/route"),
      everywhere: await import("@/app/api/account/sign-out-everywhere/route"),
      account: await import("@/app/api/account/route"),
      disable: await import("@/app/api/admin/users/[userId]/disable/route"),
    };
  });
  afterAll(async () => s?.drop());

  const who = async (cookie: string) => (await r.account.GET(getRequest({ id: "", cookie }, "/api/account"))).status;
  const list = async (cookie: string) => {
    const res = await r.sessions.GET(getRequest({ id: "", cookie }, "/api/account/sessions"));
    expect(res.status).toBe(200);
    return (await res.json()).sessions as { id: string; current: boolean; browser: string | null; os: string | null; createdAt: string; lastSeenAt: string }[];
  };
  const revoke = (cookie: string, sessionId: string) =>
    r.one.DELETE(getRequest({ id: "", cookie }, `/api/account/sessions/${sessionId}`, ORIGIN, { method: "DELETE" }), ctx({ sessionId }));
  /** A person signed in on two devices (this one: Chrome on Linux; the other: Firefox on Windows). */
  async function person() {
    const u = await s.db.user.create({ data: { email: `sessions-${kind}-${seq++}@x.test` } });
    const here = await sessionCookie(s.db, u.id, 0, CHROME_LINUX);
    const there = await sessionCookie(s.db, u.id, 0, FIREFOX_WINDOWS);
    return { id: u.id, here, there };
  }
  async function signIn(userId: string, device: { userAgent?: string | null; ip?: string | null }) {
    const { withSignInDevice } = await import("@/lib/server/auth/sign-in-device");
    const { authOptions } = await import("@/lib/server/auth/auth-options");
    const jwt = authOptions().callbacks!.jwt!;
    const token = await withSignInDevice(device, () => jwt({ token: {}, user: { id: userId } as never, account: null }));
    return { sid: token.sid as string, cookie: `next-auth.session-token=${await encode({ token, secret: TEST_SECRET })}` };
  }

  it("a sign-in writes a row (capped user agent and address) whose id the token carries; the token works", async () => {
    const u = await s.db.user.create({ data: { email: `signin-${kind}@x.test` } });
    const { sid, cookie } = await signIn(u.id, { userAgent: `${CHROME_LINUX} ${"x".repeat(2_000)}`, ip: "203.0.113.9" });
    const row = await s.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row).toMatchObject({ userId: u.id, ip: "203.0.113.9", revokedAt: null });
    expect(row.userAgent?.length).toBe(512);
    expect(await who(cookie)).toBe(200);
    // Outside next-auth's route (no device known) the row is still written, without the details.
    const bare = await signIn(u.id, {});
    expect(await s.db.userSession.findUniqueOrThrow({ where: { id: bare.sid } })).toMatchObject({ userAgent: null, ip: null });
  });

  it("a token without a session id (issued before session rows) is not accepted: its holder signs in again", async () => {
    const u = await s.db.user.create({ data: { email: `legacy-${kind}@x.test` } });
    const legacy = `next-auth.session-token=${await encode({ token: { sub: u.id, sv: 0 }, secret: TEST_SECRET })}`;
    expect(await who(legacy)).toBe(401);
  });

  it("the per-request check is one SQL statement (the row is a filter of the user read), as before the rows", async () => {
    const p = await person();
    const { actorFromCookieHeader } = await import("@/lib/server/auth/session");
    const log = [{ emit: "event" as const, level: "query" as const }];
    const logged =
      kind === "postgresql"
        ? new PostgresClient({ adapter: new PrismaPg({ connectionString: s.t.url }), log })
        : new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: s.t.url }), log });
    const statements: string[] = [];
    (logged as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => statements.push(e.query));
    try {
      await logged.$connect();
      statements.length = 0;
      // The last-seen writes of the first request are not awaited by it: let them land, then count a request of its own.
      expect((await actorFromCookieHeader(p.here, logged as unknown as typeof s.db))?.id).toBe(p.id);
      const deadline = Date.now() + 10_000;
      while (statements.filter((q) => /^UPDATE/i.test(q)).length < 2 && Date.now() < deadline) await new Promise((ok) => setImmediate(ok));
      statements.length = 0;
      expect((await actorFromCookieHeader(p.here, logged as unknown as typeof s.db))?.id).toBe(p.id);
      expect(statements.filter((q) => !/^(BEGIN|COMMIT)/i.test(q))).toHaveLength(1);
      expect(statements[0]).toMatch(/UserSession/);
    } finally {
      await logged.$disconnect();
    }
  });

  it("lists the person's own active sessions, this device marked, labelled from the user agent, most recent first", async () => {
    const p = await person();
    const stranger = await person();
    await s.db.userSession.updateMany({ where: { userId: p.id }, data: { lastSeenAt: new Date(Date.now() - 60_000) } });
    const hereId = (await list(p.here)).find((x) => x.current)!.id;
    await s.db.userSession.update({ where: { id: hereId }, data: { lastSeenAt: new Date() } });
    const rows = await list(p.here);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: hereId, current: true, browser: "Chrome", os: "Linux" });
    expect(rows[1]).toMatchObject({ current: false, browser: "Firefox", os: "Windows" });
    expect(Date.parse(rows[1]!.createdAt)).toBeGreaterThan(0);
    const strangerIds = (await list(stranger.here)).map((x) => x.id);
    expect(rows.map((x) => x.id).some((id) => strangerIds.includes(id))).toBe(false);
    expect((await r.sessions.GET(getRequest(null, "/api/account/sessions"))).status).toBe(401);
  });

  it("signing out another device: its next request is 401 and its live stream ends; this one keeps working; audited", async () => {
    const p = await person();
    const stream = await s.routes.events.GET(getRequest({ id: p.id, cookie: p.there }, "/api/generations/events"));
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const otherId = (await list(p.here)).find((x) => !x.current)!.id;
    const res = await revoke(p.here, otherId);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull(); // this device's cookie stays
    expect(await who(p.there)).toBe(401);
    expect(await who(p.here)).toBe(200);
    expect((await list(p.here)).map((x) => x.id)).not.toContain(otherId);
    // The stream closes by itself (done), well before this deadline for a hang.
    expect(await streamEnds(reader, 30_000)).toBe(true);
    expect(await s.db.auditEvent.findFirst({ where: { action: "account.session_revoke", targetId: otherId } })).toMatchObject({ actorId: p.id, teamId: null, targetType: "session" });
    // Already ended: nothing to end (404), like an id that never was.
    expect((await revoke(p.here, otherId)).status).toBe(404);
  });

  it("another person's session id, an unknown id and a malformed id: 404 each, and the other person stays signed in", async () => {
    const p = await person();
    const stranger = await person();
    const theirs = (await list(stranger.here)).find((x) => x.current)!.id;
    const foreign = await revoke(p.here, theirs);
    expect(foreign.status).toBe(404);
    const body = await foreign.json();
    expect(body.error.code).toBe("not_found");
    expect(body.error.messages["zh-CN"]).toBeTruthy();
    expect(await who(stranger.here)).toBe(200);
    expect((await revoke(p.here, "c00000000000000000000000")).status).toBe(404);
    expect((await revoke(p.here, "not a valid id!")).status).toBe(404);
    expect((await revoke(stranger.here, theirs)).status).toBe(200); // the owner may end it (this device: cookie cleared)
  });

  it("naming this device's own session signs it out and clears its cookie", async () => {
    const p = await person();
    const hereId = (await list(p.here)).find((x) => x.current)!.id;
    const res = await revoke(p.here, hereId);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/next-auth\.session-token=;.*Max-Age=0/);
    expect(await who(p.here)).toBe(401);
    expect(await who(p.there)).toBe(200);
  });

  it("sign out everywhere else: every other device is 401, this one continues; audited with the count", async () => {
    const p = await person();
    const third = await sessionCookie(s.db, p.id, 0);
    const res = await r.others.POST(getRequest({ id: "", cookie: p.here }, "/api/account/sign-out-others", ORIGIN, { method: "POST" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revoked: 2 });
    expect([await who(p.there), await who(third), await who(p.here)]).toEqual([401, 401, 200]);
    expect((await list(p.here)).map((x) => x.current)).toEqual([true]);
    expect(await s.db.auditEvent.findFirst({ where: { action: "account.sign_out_others", actorId: p.id } })).toMatchObject({ data: { revoked: 2 } });
    const cross = await r.others.POST(getRequest({ id: "", cookie: p.here }, "/api/account/sign-out-others", { origin: "https://evil.example" }, { method: "POST" }));
    expect(cross.status).toBe(403);
  });

  it("sign out everywhere ends every row, this one too", async () => {
    const p = await person();
    const res = await r.everywhere.POST(getRequest({ id: "", cookie: p.here }, "/api/account/sign-out-everywhere", ORIGIN, { method: "POST" }));
    expect(res.status).toBe(200);
    expect([await who(p.here), await who(p.there)]).toEqual([401, 401]);
    expect(await s.db.userSession.count({ where: { userId: p.id, revokedAt: null } })).toBe(0);
  });

  it("next-auth's sign-out ends this device's row only", async () => {
    const p = await person();
    const hereId = (await list(p.here)).find((x) => x.current)!.id;
    const { authOptions } = await import("@/lib/server/auth/auth-options");
    await authOptions().events!.signOut!({ token: { sub: p.id, sid: hereId }, session: null as never });
    expect([await who(p.here), await who(p.there)]).toEqual([401, 200]);
  });

  it("disabling a user revokes all their rows (the admin's user list counts them before and after)", async () => {
    const admin = await s.db.user.create({ data: { email: `sessions-admin-${kind}@x.test`, role: "ADMIN" } });
    const adminCookie = await sessionCookie(s.db, admin.id);
    const p = await person();
    const { GET: users } = await import("@/app/api/admin/users/route");
    const countOf = async () => {
      const listed = (await (await users(getRequest({ id: "", cookie: adminCookie }, "/api/admin/users"))).json()).users as { id: string; activeSessions: number }[];
      return listed.find((u) => u.id === p.id)?.activeSessions;
    };
    expect(await countOf()).toBe(2); // the admin's list shows a count, never which sessions
    const res = await r.disable.POST(getRequest({ id: "", cookie: adminCookie }, `/api/admin/users/${p.id}/disable`, ORIGIN, { method: "POST" }), ctx({ userId: p.id }));
    expect(res.status).toBe(200);
    expect(await s.db.userSession.count({ where: { userId: p.id, revokedAt: null } })).toBe(0);
    expect([await who(p.here), await who(p.there)]).toEqual([401, 401]);
    expect(await countOf()).toBe(0);
  });

  it("rows unseen for the session lifetime are pruned at the next sign-in; fresh ones stay", async () => {
    const p = await person();
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const hereId = (await list(p.here)).find((x) => x.current)!.id;
    await s.db.userSession.update({ where: { id: hereId }, data: { lastSeenAt: old } });
    await signIn(p.id, {});
    expect(await s.db.userSession.findUnique({ where: { id: hereId } })).toBeNull();
    expect(await who(p.here)).toBe(401);
    expect(await who(p.there)).toBe(200);
  });
});
