import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest } from "../support/route-env";
import { ctx, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// Bad input on the issue-6 routes (teams, members, invites, budgets, workspace, move, share links):
// generated bodies — wrong types, junk JSON, unparseable text — and malformed ids are always a 4xx
// with the bilingual JSON error body, never a 5xx, and never change anything the owner had.
describe("teams, share and budget routes under generated input", () => {
  let s: Studio;
  let owner: StudioUser;
  let teamId = "";
  let clipId = "";
  const routes = async () => ({
    teams: await import("@/app/api/teams/route"),
    team: await import("@/app/api/teams/[teamId]/route"),
    member: await import("@/app/api/teams/[teamId]/members/[userId]/route"),
    transfer: await import("@/app/api/teams/[teamId]/transfer/route"),
    invites: await import("@/app/api/teams/[teamId]/invites/route"),
    budgets: await import("@/app/api/teams/[teamId]/budgets/route"),
    adminBudget: await import("@/app/api/admin/budget/route"),
    workspace: await import("@/app/api/workspace/route"),
    move: await import("@/app/api/generations/[id]/move/route"),
    share: await import("@/app/api/generations/[id]/share-links/route"),
    linkAccept: await import("@/app/api/invites/link/[token]/accept/route"),
  });
  let r: Awaited<ReturnType<typeof routes>>;

  beforeAll(async () => {
    s = await setupStudio("sqlite");
    owner = await s.user("junk-owner@x.test");
    await s.db.user.update({ where: { id: owner.id }, data: { role: "ADMIN" } });
    r = await routes();
    teamId = (await s.db.team.create({ data: { name: "Junk", memberships: { create: { userId: owner.id, role: "OWNER" } } } })).id;
    clipId = (
      await s.db.generation.create({
        data: { ownerId: owner.id, mode: "TEXT", model: "viduq1-text", params: {}, idemKey: "junk-1", paramsHash: "x", upstreamRequestId: "junk-req-1", status: "STORED" },
      })
    ).id;
  });
  afterAll(async () => s?.drop());

  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ maxLength: 60 }), // not JSON at all (sent raw)
    fc.record({
      name: fc.oneof(fc.string({ maxLength: 120 }), fc.integer(), fc.constant(null)),
      role: fc.oneof(fc.constantFrom("OWNER", "ADMIN", "MEMBER", "VIEWER", "GOD", ""), fc.integer()),
      kind: fc.constantFrom("link", "email", "sms", ""),
      email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 })),
      maxUses: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double(), fc.string({ maxLength: 5 })),
      expiresInHours: fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.constant(null), fc.string({ maxLength: 5 })),
      scope: fc.constantFrom("TEAM_MONTHLY", "MEMBER_MONTHLY", "INSTANCE_DAILY", "X"),
      userId: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(null), fc.integer()),
      limitFen: fc.oneof(fc.integer({ min: -1_000, max: 2 ** 40 }), fc.double(), fc.string({ maxLength: 8 })),
      teamId: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(null), fc.integer()),
      allowDownload: fc.oneof(fc.boolean(), fc.string({ maxLength: 4 })),
    }),
  );
  const badId = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("", "../etc/passwd", "%00", "a".repeat(300)));

  const seen = new Map<number, number>();
  async function expectJsonError(res: Response, label: string): Promise<void> {
    seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
    expect(res.status, label).toBeLessThan(500);
    if (res.status >= 400) {
      const err = (await res.json()).error;
      expect(err.code, label).toBeTruthy();
      expect(err.messages?.en && err.messages?.["zh-CN"], label).toBeTruthy();
    } else await res.body?.cancel();
  }

  it("never answers 5xx, always a coded bilingual error", async () => {
    await fc.assert(
      fc.asyncProperty(body, badId, async (b, id) => {
        const raw = typeof b === "string" ? b : JSON.stringify(b);
        const req = (url: string, method: string) => jsonRequest(url, method, method === "GET" ? undefined : raw, { cookie: owner.cookie });
        const label = `${raw.slice(0, 80)} id=${id.slice(0, 40)}`;
        await expectJsonError(await r.teams.POST(req("/api/teams", "POST")), `POST teams ${label}`);
        await expectJsonError(await r.team.PATCH(req(`/api/teams/${teamId}`, "PATCH"), ctx({ teamId })), `PATCH team ${label}`);
        await expectJsonError(await r.member.PATCH(req(`/api/teams/${teamId}/members/${id}`, "PATCH"), ctx({ teamId, userId: id })), `PATCH member ${label}`);
        await expectJsonError(await r.transfer.POST(req(`/api/teams/${teamId}/transfer`, "POST"), ctx({ teamId })), `transfer ${label}`);
        await expectJsonError(await r.invites.POST(req(`/api/teams/${teamId}/invites`, "POST"), ctx({ teamId })), `invite ${label}`);
        await expectJsonError(await r.budgets.PUT(req(`/api/teams/${teamId}/budgets`, "PUT"), ctx({ teamId })), `budget ${label}`);
        await expectJsonError(await r.adminBudget.PUT(req("/api/admin/budget", "PUT")), `admin budget ${label}`);
        await expectJsonError(await r.workspace.PUT(req("/api/workspace", "PUT")), `workspace ${label}`);
        await expectJsonError(await r.move.POST(req(`/api/generations/${clipId}/move`, "POST"), ctx({ id: clipId })), `move ${label}`);
        await expectJsonError(await r.share.POST(req(`/api/generations/${clipId}/share-links`, "POST"), ctx({ id: clipId })), `share ${label}`);
        await expectJsonError(await r.team.GET(req(`/api/teams/${id}`, "GET"), ctx({ teamId: id })), `GET team ${label}`);
        await expectJsonError(await r.linkAccept.POST(req(`/api/invites/link/${id}/accept`, "POST"), ctx({ token: id })), `accept ${label}`);
      }),
      { numRuns: 60 },
    );
    // The inputs reached validation (not all stopped at the door): many 422s, and 404s for junk ids.
    console.info(`[junk] statuses ${JSON.stringify(Object.fromEntries(seen))}`);
    expect(seen.get(422) ?? 0).toBeGreaterThan(100);
    expect(seen.get(404) ?? 0).toBeGreaterThan(10);
    // The owner's team is still theirs and still has exactly one owner (junk never changed it).
    expect(await s.db.membership.count({ where: { teamId, role: "OWNER", userId: owner.id } })).toBe(1);
  }, 120_000);
});
