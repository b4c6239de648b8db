// Budget settings through the real route handlers on real databases: who may read and change team
// budgets and the instance daily cap, validation (bilingual 422), the audit events every change
// writes in the same transaction, and that concurrent first-time writes leave exactly one row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

async function routes() {
  return {
    budgets: await import("@/app/api/teams/[teamId]/budgets/route"),
    admin: await import("@/app/api/admin/budget/route"),
    left: await import("@/app/api/workspace/budget/route"),
  };
}

interface ErrorBody {
  error: { code: string; message: string; messages: { en: string; "zh-CN": string }; fields?: { path: string; key: string; messages: { en: string; "zh-CN": string } }[] };
}

describe.each(providers())("budget routes on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof routes>>;
  let owner: StudioUser, admin: StudioUser, member: StudioUser, viewer: StudioUser, outsider: StudioUser, instanceAdmin: StudioUser;
  let teamId: string;
  let otherTeamId: string;

  const put = (u: StudioUser | null, tid: string, body: unknown) =>
    r.budgets.PUT(jsonRequest(`/api/teams/${tid}/budgets`, "PUT", body, u ? { cookie: u.cookie } : {}), ctx({ teamId: tid }));
  const del = (u: StudioUser, tid: string, body: unknown) =>
    r.budgets.DELETE(jsonRequest(`/api/teams/${tid}/budgets`, "DELETE", body, { cookie: u.cookie }), ctx({ teamId: tid }));
  const get = (u: StudioUser, tid: string) => r.budgets.GET(getRequest(u, `/api/teams/${tid}/budgets`), ctx({ teamId: tid }));
  const auditOf = (tid: string | null) => s.db.auditEvent.findMany({ where: { teamId: tid, action: { startsWith: "budget." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

  beforeAll(async () => {
    s = await setupStudio(kind, { BUDGET_TIME_ZONE: "Asia/Shanghai" });
    r = await routes();
    owner = await s.user(`owner-b-${kind}@example.test`);
    admin = await s.user(`admin-b-${kind}@example.test`);
    member = await s.user(`member-b-${kind}@example.test`);
    viewer = await s.user(`viewer-b-${kind}@example.test`);
    outsider = await s.user(`outsider-b-${kind}@example.test`);
    instanceAdmin = await s.user(`root-b-${kind}@example.test`);
    await s.db.user.update({ where: { id: instanceAdmin.id }, data: { role: "ADMIN" } });
    const team = await s.db.team.create({ data: { name: "Budget team" } });
    teamId = team.id;
    await s.db.membership.createMany({
      data: [
        { teamId, userId: owner.id, role: "OWNER" },
        { teamId, userId: admin.id, role: "ADMIN" },
        { teamId, userId: member.id, role: "MEMBER" },
        { teamId, userId: viewer.id, role: "VIEWER" },
      ],
    });
    otherTeamId = (await s.db.team.create({ data: { name: "Other team", memberships: { create: { userId: outsider.id, role: "OWNER" } } } })).id;
  });
  afterAll(async () => s?.drop());

  it("owner sets, changes and clears the team monthly budget; each change is one audit event with the old and new value", async () => {
    let res = await put(owner, teamId, { scope: "TEAM_MONTHLY", limitFen: 10_000 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ scope: "TEAM_MONTHLY", userId: null, limitFen: 10_000, previousFen: null, changed: true, spentFen: 0 });
    res = await put(admin, teamId, { scope: "TEAM_MONTHLY", userId: null, limitFen: 25_050 });
    expect(await res.json()).toMatchObject({ limitFen: 25_050, previousFen: 10_000, changed: true });
    // Same value again: nothing changes, no event.
    res = await put(admin, teamId, { scope: "TEAM_MONTHLY", limitFen: 25_050 });
    expect(await res.json()).toMatchObject({ changed: false });
    expect(await s.db.budget.count({ where: { teamId, scope: "TEAM_MONTHLY" } })).toBe(1);

    let view = await (await get(admin, teamId)).json();
    expect(view.teamMonthlyFen).toBe(25_050);

    res = await del(owner, teamId, { scope: "TEAM_MONTHLY" });
    expect(await res.json()).toMatchObject({ limitFen: null, previousFen: 25_050, changed: true });
    expect(await s.db.budget.count({ where: { teamId, scope: "TEAM_MONTHLY" } })).toBe(0);
    res = await del(owner, teamId, { scope: "TEAM_MONTHLY" });
    expect(await res.json()).toMatchObject({ changed: false });
    view = await (await get(owner, teamId)).json();
    expect(view.teamMonthlyFen).toBeNull();

    const events = await auditOf(teamId);
    expect(events.map((e) => [e.action, e.actorId, e.targetType, e.data])).toEqual([
      ["budget.set", owner.id, "budget", { scope: "TEAM_MONTHLY", userId: null, limitFen: 10_000, previousFen: null }],
      ["budget.set", admin.id, "budget", { scope: "TEAM_MONTHLY", userId: null, limitFen: 25_050, previousFen: 10_000 }],
      ["budget.clear", owner.id, "budget", { scope: "TEAM_MONTHLY", userId: null, limitFen: null, previousFen: 25_050 }],
    ]);
  });

  it("member default and per-member overrides: GET reports the limit that applies to each member", async () => {
    expect((await put(owner, teamId, { scope: "MEMBER_MONTHLY", userId: null, limitFen: 2_000 })).status).toBe(200);
    expect((await put(owner, teamId, { scope: "MEMBER_MONTHLY", userId: member.id, limitFen: 0 })).status).toBe(200);
    const view = (await (await get(admin, teamId)).json()) as { memberDefaultFen: number; members: { userId: string; overrideFen: number | null; limitFen: number | null }[] };
    expect(view.memberDefaultFen).toBe(2_000);
    const byId = new Map(view.members.map((m) => [m.userId, m]));
    expect(byId.get(member.id)).toMatchObject({ overrideFen: 0, limitFen: 0 });
    expect(byId.get(viewer.id)).toMatchObject({ overrideFen: null, limitFen: 2_000 });
    const ev = (await auditOf(teamId)).at(-1)!;
    expect(ev.data).toEqual({ scope: "MEMBER_MONTHLY", userId: member.id, limitFen: 0, previousFen: null });
    // Clearing the override falls back to the default.
    await del(admin, teamId, { scope: "MEMBER_MONTHLY", userId: member.id });
    const after = (await (await get(admin, teamId)).json()) as typeof view;
    expect(after.members.find((m) => m.userId === member.id)).toMatchObject({ overrideFen: null, limitFen: 2_000 });
  });

  it("permissions: member and viewer 403 team_role_forbidden, outsider 404, signed out 401, another team 404", async () => {
    const body = { scope: "TEAM_MONTHLY", limitFen: 1 };
    for (const u of [member, viewer]) {
      for (const res of [await put(u, teamId, body), await del(u, teamId, { scope: "TEAM_MONTHLY" }), await get(u, teamId)]) {
        expect(res.status).toBe(403);
        expect(((await res.json()) as ErrorBody).error.code).toBe("team_role_forbidden");
      }
    }
    for (const res of [await put(outsider, teamId, body), await get(outsider, teamId), await put(owner, otherTeamId, body), await get(admin, otherTeamId)]) {
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe("not_found");
    }
    expect((await put(null, teamId, body)).status).toBe(401);
    // A deleted team is gone for everyone.
    const gone = await s.db.team.create({ data: { name: "Gone", deletedAt: new Date(), memberships: { create: { userId: owner.id, role: "OWNER" } } } });
    expect((await put(owner, gone.id, body)).status).toBe(404);
    expect(await s.db.budget.count({ where: { teamId: { in: [otherTeamId, gone.id] } } })).toBe(0);
  });

  it("validation errors are 422 with bilingual messages and field paths", async () => {
    const cases: [unknown, string][] = [
      [{ scope: "TEAM_MONTHLY", limitFen: -1 }, "limitFen"],
      [{ scope: "TEAM_MONTHLY", limitFen: 1.5 }, "limitFen"],
      [{ scope: "TEAM_MONTHLY", limitFen: "100" }, "limitFen"],
      [{ scope: "TEAM_MONTHLY", limitFen: 1_000_000_001 }, "limitFen"],
      [{ scope: "TEAM_MONTHLY" }, "limitFen"],
      [{ scope: "INSTANCE_DAILY", limitFen: 5 }, "scope"],
      [{ scope: "TEAM_MONTHLY", userId: member.id, limitFen: 5 }, "userId"],
      [{ scope: "MEMBER_MONTHLY", userId: "bad id!", limitFen: 5 }, "userId"],
      [{ scope: "TEAM_MONTHLY", limitFen: 5, extra: 1 }, "(root)"],
    ];
    for (const [body, path] of cases) {
      const res = await put(owner, teamId, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const e = ((await res.json()) as ErrorBody).error;
      expect(e.code).toBe("validation_failed");
      expect(e.fields?.map((f) => f.path), JSON.stringify(body)).toContain(path);
      expect(e.messages.en).not.toBe(e.messages["zh-CN"]);
    }
    const limitErr = ((await (await put(owner, teamId, { scope: "TEAM_MONTHLY", limitFen: -1 })).json()) as ErrorBody).error.fields![0]!;
    expect(limitErr.key).toBe("errors.field.budget_limit");
    expect(limitErr.messages["zh-CN"]).toMatch(/金额/);
    // Someone who is not in the team cannot get an override.
    const res = await put(owner, teamId, { scope: "MEMBER_MONTHLY", userId: outsider.id, limitFen: 100 });
    expect(res.status).toBe(422);
    const field = ((await res.json()) as ErrorBody).error.fields![0]!;
    expect(field).toMatchObject({ path: "userId", key: "errors.field.budget_not_member" });
    expect(field.messages.en).toMatch(/not a member/);
    expect(field.messages["zh-CN"]).toMatch(/不是该团队的成员/);
    expect(await s.db.budget.count({ where: { userId: outsider.id } })).toBe(0);
  });

  it("concurrent first-time writes of one key leave exactly one row (deterministic id), every response 200", async () => {
    await del(owner, teamId, { scope: "MEMBER_MONTHLY", userId: null });
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => put(i % 2 ? owner : admin, teamId, { scope: "MEMBER_MONTHLY", userId: null, limitFen: 1_000 + i })),
    );
    expect(responses.map((x) => x.status)).toEqual(Array(8).fill(200));
    const rows = await s.db.budget.findMany({ where: { teamId, scope: "MEMBER_MONTHLY", userId: null } });
    expect(rows).toHaveLength(1);
    // Events form one chain of previous → new values ending in the stored value.
    const evs = (await auditOf(teamId)).filter((e) => (e.data as { scope: string; userId: string | null }).userId === null && (e.data as { scope: string }).scope === "MEMBER_MONTHLY");
    const last = evs.at(-1)!.data as { limitFen: number };
    expect(last.limitFen).toBe(rows[0]!.limitFen);
  });

  it("instance daily cap: instance admins only; GET shows today's spend; events have teamId null", async () => {
    const adminPut = (u: StudioUser, body: unknown) => r.admin.PUT(jsonRequest("/api/admin/budget", "PUT", body, { cookie: u.cookie }));
    const adminGet = (u: StudioUser) => r.admin.GET(getRequest(u, "/api/admin/budget"));
    for (const u of [owner, member]) {
      for (const res of [await adminPut(u, { limitFen: 1 }), await adminGet(u), await r.admin.DELETE(jsonRequest("/api/admin/budget", "DELETE", undefined, { cookie: u.cookie }))]) {
        expect(res.status).toBe(403);
        expect(((await res.json()) as ErrorBody).error.code).toBe("forbidden");
      }
    }
    expect((await adminPut(instanceAdmin, { limitFen: -5 })).status).toBe(422);

    // Spend today: one personal and one team clip, one of them refunded.
    const mk = async (ownerId: string, tid: string | null, refunded: boolean) => {
      const g = await s.db.generation.create({
        data: { ownerId, teamId: tid, mode: "TEXT", model: "viduq1-text", params: {}, idemKey: `cap-${Math.random()}`, paramsHash: "x", upstreamRequestId: crypto.randomUUID(), costFen: 250 },
      });
      await s.db.ledgerEntry.create({ data: { generationId: g.id, userId: ownerId, teamId: tid, kind: "HOLD", amountFen: 250 } });
      if (refunded) await s.db.ledgerEntry.create({ data: { generationId: g.id, userId: ownerId, teamId: tid, kind: "REFUND", amountFen: 250 } });
    };
    await mk(member.id, teamId, false);
    await mk(outsider.id, null, false);
    await mk(owner.id, null, true);

    let res = await adminPut(instanceAdmin, { limitFen: 60_000 });
    // The answer carries today's spend, so a cap set below it can say what it stops.
    expect(await res.json()).toMatchObject({ scope: "INSTANCE_DAILY", limitFen: 60_000, previousFen: null, changed: true, spentFen: 500 });
    res = await adminGet(instanceAdmin);
    expect(await res.json()).toMatchObject({ limitFen: 60_000, spentFen: 500, remainingFen: 59_500, timeZone: "Asia/Shanghai", day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    res = await adminPut(instanceAdmin, { limitFen: 100 });
    expect(await res.json()).toMatchObject({ limitFen: 100, previousFen: 60_000, spentFen: 500 });
    res = await adminPut(instanceAdmin, { limitFen: 60_000 });
    res = await r.admin.DELETE(jsonRequest("/api/admin/budget", "DELETE", undefined, { cookie: instanceAdmin.cookie }));
    expect(await res.json()).toMatchObject({ limitFen: null, previousFen: 60_000 });
    expect(await (await adminGet(instanceAdmin)).json()).toMatchObject({ limitFen: null, remainingFen: null, spentFen: 500 });
    const events = await auditOf(null);
    expect(events.map((e) => [e.action, e.teamId, e.actorId, e.data])).toEqual([
      ["budget.set", null, instanceAdmin.id, { scope: "INSTANCE_DAILY", userId: null, limitFen: 60_000, previousFen: null }],
      ["budget.set", null, instanceAdmin.id, { scope: "INSTANCE_DAILY", userId: null, limitFen: 100, previousFen: 60_000 }],
      ["budget.set", null, instanceAdmin.id, { scope: "INSTANCE_DAILY", userId: null, limitFen: 60_000, previousFen: 100 }],
      ["budget.clear", null, instanceAdmin.id, { scope: "INSTANCE_DAILY", userId: null, limitFen: null, previousFen: 60_000 }],
    ]);
  });

  it("an instance admin who is not in the team has no access to its budgets (404)", async () => {
    expect((await get(instanceAdmin, teamId)).status).toBe(404);
    expect((await put(instanceAdmin, teamId, { scope: "TEAM_MONTHLY", limitFen: 1 })).status).toBe(404);
  });
  it("budgets left next to Generate: every limited budget a new clip would count against, with this period's spend", async () => {
    const left = async (u: StudioUser, tid: string | null) => {
      const res = await r.left.GET(getRequest(u, tid ? `/api/workspace/budget?team=${tid}` : "/api/workspace/budget"));
      return { status: res.status, body: (await res.json()) as { items?: { scope: string; limitFen: number; spentFen: number; remainingFen: number }[]; error?: { code: string } } };
    };
    const spend = async (userId: string, tid: string | null, fen: number) => {
      const g = await s.db.generation.create({
        data: { ownerId: userId, teamId: tid, mode: "TEXT", model: "viduq1-text", params: {}, idemKey: `left-${Math.random()}`, paramsHash: "x", upstreamRequestId: crypto.randomUUID(), costFen: fen },
      });
      await s.db.ledgerEntry.create({ data: { generationId: g.id, userId, teamId: tid, kind: "HOLD", amountFen: fen } });
    };
    expect((await put(owner, teamId, { scope: "TEAM_MONTHLY", limitFen: 10_000 })).status).toBe(200);
    expect((await put(owner, teamId, { scope: "MEMBER_MONTHLY", userId: member.id, limitFen: 1_000 })).status).toBe(200);
    await r.admin.PUT(jsonRequest("/api/admin/budget", "PUT", { limitFen: 50_000 }, { cookie: instanceAdmin.cookie }));
    const before = await left(member, teamId);
    await spend(member.id, teamId, 250);
    await spend(admin.id, teamId, 500);
    const after = await left(member, teamId);
    expect(after.status).toBe(200);
    const byScope = Object.fromEntries((after.body.items ?? []).map((i) => [i.scope, i]));
    const beforeBy = Object.fromEntries((before.body.items ?? []).map((i) => [i.scope, i]));
    // The member's own budget moves only with their spend; the team's and the studio's with everyone's.
    expect(byScope.MEMBER_MONTHLY).toEqual({ scope: "MEMBER_MONTHLY", limitFen: 1_000, spentFen: beforeBy.MEMBER_MONTHLY!.spentFen + 250, remainingFen: 1_000 - beforeBy.MEMBER_MONTHLY!.spentFen - 250 });
    expect(byScope.TEAM_MONTHLY!.spentFen).toBe(beforeBy.TEAM_MONTHLY!.spentFen + 750);
    expect(byScope.INSTANCE_DAILY!.spentFen).toBe(beforeBy.INSTANCE_DAILY!.spentFen + 750);
    expect(byScope.INSTANCE_DAILY!.remainingFen).toBe(Math.max(0, 50_000 - byScope.INSTANCE_DAILY!.spentFen));
    // Personal workspace: only the studio cap applies. Viewers cannot generate (403); outsiders do not see the team (404).
    expect((await left(member, null)).body.items?.map((i) => i.scope)).toEqual(["INSTANCE_DAILY"]);
    expect((await left(viewer, teamId)).body.error?.code).toBe("team_role_forbidden");
    expect((await left(outsider, teamId)).status).toBe(404);
    await r.admin.DELETE(jsonRequest("/api/admin/budget", "DELETE", undefined, { cookie: instanceAdmin.cookie }));
    await del(owner, teamId, { scope: "TEAM_MONTHLY" });
    await del(owner, teamId, { scope: "MEMBER_MONTHLY", userId: member.id });
    // Removed limits disappear; the member falls back to the team's default per-member budget, if any.
    const scopes = (await left(member, teamId)).body.items?.map((i) => i.scope);
    expect(scopes).not.toContain("TEAM_MONTHLY");
    expect(scopes).not.toContain("INSTANCE_DAILY");
  });
});
