import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "../support/test-db";
import { sessionCookie } from "../support/route-env";
import { ctx, getRequest, setupStudio, streamEnds, type Studio } from "./generations-api-support";

// Sessions end on sign-out and on disable (lib/server/auth/session.ts): the JWT carries the user's
// session version and its session row, every request checks both against the database, and live
// streams check them per tick. (The list of sessions and ending one of them: user-sessions.test.ts.)
describe.each(providers())("revocable sessions on %s", (kind) => {
  let s: Studio;
  let admin: { id: string; cookie: string };
  let adminRoutes: {
    users: typeof import("@/app/api/admin/users/route");
    disable: typeof import("@/app/api/admin/users/[userId]/disable/route");
    enable: typeof import("@/app/api/admin/users/[userId]/enable/route");
  };

  beforeAll(async () => {
    s = await setupStudio(kind);
    const a = await s.db.user.create({ data: { email: "root@x.test", role: "ADMIN" } });
    admin = { id: a.id, cookie: await sessionCookie(s.db, a.id) };
    adminRoutes = {
      users: await import("@/app/api/admin/users/route"),
      disable: await import("@/app/api/admin/users/[userId]/disable/route"),
      enable: await import("@/app/api/admin/users/[userId]/enable/route"),
    };
  });
  afterAll(async () => s?.drop());

  const list = (cookie: string) => s.routes.generations.GET(getRequest({ id: "", cookie }, "/api/generations"));
  const post = (h: (req: Request, c: ReturnType<typeof ctx>) => Promise<Response>, cookie: string, userId: string, verb: string) =>
    h(getRequest({ id: "", cookie }, `/api/admin/users/${userId}/${verb}`, { origin: "http://localhost:3000" }, { method: "POST" }), ctx({ userId }));

  it("sign-out ends this device's session: the same cookie answers 401 afterwards; the account's other devices stay signed in", async () => {
    const u = await s.user("leaver@x.test");
    const other = await sessionCookie(s.db, u.id, 0); // a second device
    expect((await list(u.cookie)).status).toBe(200);
    const { actorFromCookieHeader } = await import("@/lib/server/auth/session");
    const sid = (await actorFromCookieHeader(u.cookie, s.db))!.sessionId;
    const { authOptions } = await import("@/lib/server/auth/auth-options");
    await authOptions().events?.signOut?.({ token: { sub: u.id, sid }, session: null as never });
    expect((await list(u.cookie)).status).toBe(401);
    expect((await list(other)).status).toBe(200);
  });

  it("an admin disables a user: their requests answer 401 and their open live stream ends on its next tick; enable needs a new sign-in", async () => {
    const u = await s.user("disabled@x.test");
    const stream = await s.routes.events.GET(getRequest(u, "/api/generations/events"));
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const res = await post(adminRoutes.disable.POST, admin.cookie, u.id, "disable");
    expect(res.status).toBe(200);
    expect((await res.json()).disabledAt).toBeTruthy();
    expect((await list(u.cookie)).status).toBe(401);
    // The stream closes by itself (done), well before this deadline for a hang.
    expect(await streamEnds(reader, 30_000)).toBe(true);
    const audit = await s.db.auditEvent.findFirst({ where: { action: "user.disable", targetId: u.id } });
    expect(audit).toMatchObject({ actorId: admin.id, teamId: null, targetType: "user" });

    expect((await post(adminRoutes.enable.POST, admin.cookie, u.id, "enable")).status).toBe(200);
    expect((await list(u.cookie)).status).toBe(401);
    expect((await list(await sessionCookie(s.db, u.id, 1))).status).toBe(200);
    expect(await s.db.auditEvent.count({ where: { action: "user.enable", targetId: u.id } })).toBe(1);
  });

  it("lists users; refuses disabling yourself and, under a race, the last enabled admin; 404 for an unknown user", async () => {
    const listed = await adminRoutes.users.GET(getRequest(admin, "/api/admin/users"));
    expect(listed.status).toBe(200);
    expect((await listed.json()).users.map((u: { email: string }) => u.email)).toContain("root@x.test");

    const self = await post(adminRoutes.disable.POST, admin.cookie, admin.id, "disable");
    expect(self.status).toBe(409);
    expect((await self.json()).error.code).toBe("cannot_disable_self");
    expect((await post(adminRoutes.disable.POST, admin.cookie, "c00000000000000000000000", "disable")).status).toBe(404);

    // Two admins disable each other at once: one wins; the other is refused as the last admin (or,
    // when the winner committed before the loser's request was even authenticated, as signed out).
    const b = await s.db.user.create({ data: { email: "root2@x.test", role: "ADMIN" } });
    const bCookie = await sessionCookie(s.db, b.id);
    const [ab, ba] = await Promise.all([post(adminRoutes.disable.POST, admin.cookie, b.id, "disable"), post(adminRoutes.disable.POST, bCookie, admin.id, "disable")]);
    const statuses = [ab.status, ba.status].sort();
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const loser = ab.status === 200 ? ba : ab;
    if (loser.status === 409) expect((await loser.json()).error.code).toBe("last_admin");
    expect(await s.db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
    // Leave the instance with its first admin enabled for any later test.
    const enabledAdmin = await s.db.user.findFirstOrThrow({ where: { role: "ADMIN", disabledAt: null } });
    if (enabledAdmin.id !== admin.id) await s.db.user.update({ where: { id: admin.id }, data: { disabledAt: null, sessionVersion: 0 } });
  });
});
