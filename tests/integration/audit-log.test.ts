// GET /api/teams/:teamId/audit through the real handler on real databases: newest first, keyset pages
// of 50 that neither skip nor repeat (ties on createdAt included), filters by action, actor and local
// day range (BUDGET_TIME_ZONE), other teams' events never shown, permissions, and that the route
// module exports no method that could change an event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

interface EventView {
  id: string;
  action: string;
  actor: { id: string; name: string | null; email: string } | null;
  targetType: string | null;
  targetId: string | null;
  targetUser: { id: string; email: string } | null;
  data: unknown;
  createdAt: string;
}
interface Page {
  events: EventView[];
  nextCursor: string | null;
}

const ACTIONS = ["clip.generate", "clip.delete", "share.create", "member.role", "budget.set"] as const;

describe.each(providers())("audit log on %s", (kind) => {
  let s: Studio;
  let audit: typeof import("@/app/api/teams/[teamId]/audit/route");
  let owner: StudioUser, admin: StudioUser, member: StudioUser, viewer: StudioUser, outsider: StudioUser;
  let teamId: string;
  let otherTeamId: string;
  const base = Date.parse("2025-11-10T00:00:00Z");

  const list = (u: StudioUser, qs = "") => audit.GET(getRequest(u, `/api/teams/${teamId}/audit${qs}`), ctx({ teamId }));
  const page = async (u: StudioUser, qs = "") => {
    const res = await list(u, qs);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };
  async function all(u: StudioUser, filters = ""): Promise<EventView[]> {
    const out: EventView[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const sep = filters ? "&" : "?";
      const p = await page(u, filters + (cursor ? `${filters ? sep : "?"}cursor=${encodeURIComponent(cursor)}` : ""));
      expect(p.events.length).toBeLessThanOrEqual(50);
      out.push(...p.events);
      cursor = p.nextCursor;
      if (!cursor) return out;
    }
    throw new Error("too many pages");
  }

  beforeAll(async () => {
    s = await setupStudio(kind, { BUDGET_TIME_ZONE: "Asia/Shanghai" });
    audit = await import("@/app/api/teams/[teamId]/audit/route");
    owner = await s.user(`owner-a-${kind}@example.test`);
    admin = await s.user(`admin-a-${kind}@example.test`);
    member = await s.user(`member-a-${kind}@example.test`);
    viewer = await s.user(`viewer-a-${kind}@example.test`);
    outsider = await s.user(`outsider-a-${kind}@example.test`);
    await s.db.user.update({ where: { id: member.id }, data: { name: "成员 M" } });
    teamId = (await s.db.team.create({ data: { name: "Audit team" } })).id;
    await s.db.membership.createMany({
      data: [
        { teamId, userId: owner.id, role: "OWNER" },
        { teamId, userId: admin.id, role: "ADMIN" },
        { teamId, userId: member.id, role: "MEMBER" },
        { teamId, userId: viewer.id, role: "VIEWER" },
      ],
    });
    otherTeamId = (await s.db.team.create({ data: { name: "Other", memberships: { create: { userId: outsider.id, role: "OWNER" } } } })).id;

    // 130 events one hour apart from 2025-11-10T00:00Z, every 10th pair sharing an instant (ties).
    const actors = [owner, admin, member];
    const rows = Array.from({ length: 130 }, (_, i) => ({
      teamId,
      actorId: actors[i % 3]!.id,
      action: ACTIONS[i % ACTIONS.length]!,
      targetType: i % 5 === 3 ? "member" : "generation",
      targetId: i % 5 === 3 ? viewer.id : `gen-${i}`,
      data: i % 5 === 3 ? { from: "MEMBER", to: "VIEWER" } : { n: i },
      createdAt: new Date(base + (i - (i % 10 === 1 ? 1 : 0)) * 3_600_000),
    }));
    await s.db.auditEvent.createMany({ data: rows });
    // Noise: another team's events and instance events (teamId null) must never appear.
    await s.db.auditEvent.createMany({
      data: [
        { teamId: otherTeamId, actorId: outsider.id, action: "clip.generate", createdAt: new Date(base) },
        { teamId: null, actorId: owner.id, action: "budget.set", createdAt: new Date(base) },
      ],
    });
  });
  afterAll(async () => s?.drop());

  it("pages newest first by (createdAt, id), 50 per page, no gaps or repeats, ties included", async () => {
    const first = await page(admin);
    expect(first.events).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const everything = await all(owner);
    expect(everything).toHaveLength(130);
    expect(new Set(everything.map((e) => e.id)).size).toBe(130);
    for (let i = 1; i < everything.length; i++) {
      const a = everything[i - 1]!;
      const b = everything[i]!;
      expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id), `${i}`).toBe(true);
    }
    const dbIds = await s.db.auditEvent.findMany({ where: { teamId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(everything.map((e) => e.id)).toEqual(dbIds.map((x) => x.id));
    // Shape: actor name/email, target user resolved for member events.
    const roleEvent = everything.find((e) => e.action === "member.role")!;
    expect(roleEvent.targetUser?.id).toBe(viewer.id);
    const byMember = everything.find((e) => e.actor?.id === member.id)!;
    expect(byMember.actor).toEqual({ id: member.id, name: "成员 M", email: `member-a-${kind}@example.test` });
  });

  it("filters by action and actor, and pages within the filter", async () => {
    const deletes = await all(admin, "?action=clip.delete");
    expect(deletes).toHaveLength(26);
    expect(deletes.every((e) => e.action === "clip.delete")).toBe(true);
    const byMember = await all(admin, `?actorId=${member.id}`);
    expect(byMember.length).toBe(43);
    expect(byMember.every((e) => e.actor?.id === member.id)).toBe(true);
    const both = await all(admin, `?actorId=${owner.id}&action=budget.set`);
    const expected = Array.from({ length: 130 }, (_, i) => i).filter((i) => i % 3 === 0 && i % 5 === 4).length;
    expect(both).toHaveLength(expected);
    // Empty values (a GET form with nothing chosen) mean "no filter".
    expect((await page(admin, "?action=&actorId=&from=&to=")).events).toHaveLength(50);
  });

  it("filters by local day range in Asia/Shanghai (to is inclusive)", async () => {
    // Local 2025-11-10 = [2025-11-09T16:00Z, 2025-11-10T16:00Z): events i = 0..15 (i=11's instant is 10:00Z).
    const day = await all(admin, "?from=2025-11-10&to=2025-11-10");
    const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(day.length).toBe(16);
    expect(day.every((e) => local(e.createdAt) === "2025-11-10")).toBe(true);
    const from = await all(admin, "?from=2025-11-14");
    expect(from.every((e) => local(e.createdAt) >= "2025-11-14")).toBe(true);
    expect(from.length).toBeGreaterThan(0);
    const to = await all(admin, "?to=2025-11-10");
    expect(to).toHaveLength(16);
    expect((await page(admin, "?from=2025-11-20&to=2025-11-01")).events).toEqual([]);
  });

  it("validation: unknown action, bad dates and a forged cursor are 422", async () => {
    for (const qs of ["?action=team.hack", "?from=2025-13-01", "?to=2025-02-30", "?from=yesterday", "?cursor=not-a-cursor", `?cursor=${Buffer.from('["x","y"]').toString("base64url")}`, "?actorId=bad%20id"]) {
      const res = await list(admin, qs);
      expect(res.status, qs).toBe(422);
      const body = (await res.json()) as { error: { code: string; messages: { en: string; "zh-CN": string } } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.messages["zh-CN"]).not.toBe(body.error.messages.en);
    }
  });

  it("permissions: member and viewer 403, outsider 404; other teams' events never appear", async () => {
    for (const u of [member, viewer]) {
      const res = await list(u);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("team_role_forbidden");
    }
    expect((await list(outsider)).status).toBe(404);
    const theirs = (await (await audit.GET(getRequest(outsider, `/api/teams/${otherTeamId}/audit`), ctx({ teamId: otherTeamId }))).json()) as Page;
    expect(theirs.events.map((e) => e.action)).toEqual(["clip.generate"]);
    expect((await audit.GET(getRequest(admin, `/api/teams/${otherTeamId}/audit`), ctx({ teamId: otherTeamId }))).status).toBe(404);
  });

  it("is read-only: the route exports GET only, and budget changes appear in the log", async () => {
    expect(Object.keys(audit).filter((k) => ["POST", "PUT", "PATCH", "DELETE"].includes(k))).toEqual([]);
    const budgets = await import("@/app/api/teams/[teamId]/budgets/route");
    const res = await budgets.PUT(jsonRequest(`/api/teams/${teamId}/budgets`, "PUT", { scope: "MEMBER_MONTHLY", userId: member.id, limitFen: 1_234 }, { cookie: owner.cookie }), ctx({ teamId }));
    expect(res.status).toBe(200);
    const top = (await page(admin, "?action=budget.set")).events[0]!;
    expect(top).toMatchObject({
      action: "budget.set",
      actor: { id: owner.id },
      targetType: "budget",
      targetUser: { id: member.id },
      data: { scope: "MEMBER_MONTHLY", userId: member.id, limitFen: 1_234, previousFen: null },
    });
  });
});
