// Teams through the real route handlers on a real database: create / rename / delete, members and
// their roles (the rank rules), leave, transfer, and that a removal bites on the very next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberView, TeamSummary } from "@/lib/shared/team-views";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

async function teamRoutes() {
  return {
    teams: await import("@/app/api/teams/route"),
    team: await import("@/app/api/teams/[teamId]/route"),
    members: await import("@/app/api/teams/[teamId]/members/route"),
    member: await import("@/app/api/teams/[teamId]/members/[userId]/route"),
    transfer: await import("@/app/api/teams/[teamId]/transfer/route"),
    invites: await import("@/app/api/teams/[teamId]/invites/route"),
    linkAccept: await import("@/app/api/invites/link/[token]/accept/route"),
  };
}

describe.each(providers())("teams API on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof teamRoutes>>;
  const u: Record<string, StudioUser> = {};

  const send = (user: StudioUser, url: string, method: string, body?: unknown) => jsonRequest(url, method, body, { cookie: user.cookie });
  const create = (user: StudioUser, name: unknown) => r.teams.POST(send(user, "/api/teams", "POST", { name }));
  const getTeam = (user: StudioUser, teamId: string) => r.team.GET(getRequest(user, `/api/teams/${teamId}`), ctx({ teamId }));
  const rename = (user: StudioUser, teamId: string, name: string) => r.team.PATCH(send(user, `/api/teams/${teamId}`, "PATCH", { name }), ctx({ teamId }));
  const members = async (user: StudioUser, teamId: string) => r.members.GET(getRequest(user, `/api/teams/${teamId}/members`), ctx({ teamId }));
  const setRole = (user: StudioUser, teamId: string, userId: string, role: string) =>
    r.member.PATCH(send(user, `/api/teams/${teamId}/members/${userId}`, "PATCH", { role }), ctx({ teamId, userId }));
  const remove = (user: StudioUser, teamId: string, userId: string) =>
    r.member.DELETE(send(user, `/api/teams/${teamId}/members/${userId}`, "DELETE"), ctx({ teamId, userId }));
  const transfer = (user: StudioUser, teamId: string, userId: string) =>
    r.transfer.POST(send(user, `/api/teams/${teamId}/transfer`, "POST", { userId }), ctx({ teamId }));
  const code = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;
  const audit = (teamId: string, action: string) => s.db.auditEvent.findMany({ where: { teamId, action }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

  /** A team owned by `owner` with the given members (written directly: the invite flow has its own tests). */
  async function teamWith(owner: StudioUser, others: Record<string, "ADMIN" | "MEMBER" | "VIEWER">): Promise<string> {
    const res = await create(owner, `Team ${Math.random().toString(36).slice(2, 8)}`);
    const team = (await res.json()) as TeamSummary;
    for (const [name, role] of Object.entries(others)) await s.db.membership.create({ data: { teamId: team.id, userId: u[name]!.id, role } });
    return team.id;
  }

  beforeAll(async () => {
    s = await setupStudio(kind);
    r = await teamRoutes();
    for (const name of ["owner", "admin", "admin2", "member", "member2", "viewer", "outsider", "instanceAdmin"]) {
      u[name] = await s.user(`${name}-teams-${kind}@example.test`);
    }
    await s.db.user.update({ where: { id: u.instanceAdmin!.id }, data: { role: "ADMIN", name: "Instance Admin" } });
  });
  afterAll(async () => s?.drop());

  it("creates a team (creator is OWNER, name trimmed), lists it with role and member count, audits team.create", async () => {
    const res = await create(u.owner!, "  Studio North  ");
    expect(res.status).toBe(201);
    const team = (await res.json()) as TeamSummary;
    expect(team).toMatchObject({ name: "Studio North", role: "OWNER", memberCount: 1 });
    const list = (await (await r.teams.GET(getRequest(u.owner!, "/api/teams"))).json()) as { teams: TeamSummary[] };
    expect(list.teams).toContainEqual(expect.objectContaining({ id: team.id, role: "OWNER", memberCount: 1 }));
    const other = (await (await r.teams.GET(getRequest(u.outsider!, "/api/teams"))).json()) as { teams: TeamSummary[] };
    expect(other.teams.map((t) => t.id)).not.toContain(team.id);
    const events = await audit(team.id, "team.create");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: u.owner!.id, targetId: team.id, data: { name: "Studio North" } });
  });

  it("rejects bad names with 422 and signed-out requests with 401", async () => {
    for (const name of ["", "   ", "x".repeat(81), 42, null]) {
      const res = await create(u.owner!, name);
      expect(res.status, JSON.stringify(name)).toBe(422);
    }
    expect((await create(u.owner!, "x".repeat(80))).status).toBe(201);
    const anon = await r.teams.POST(jsonRequest("/api/teams", "POST", { name: "anon" }));
    expect(anon.status).toBe(401);
  });

  it("rename: owner and admin (audited with from/to); member 403; outsider and instance admin 404", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN", member: "MEMBER" });
    expect((await rename(u.owner!, teamId, "Renamed")).status).toBe(200);
    expect((await rename(u.admin!, teamId, " Renamed again ")).status).toBe(200);
    expect(((await (await getTeam(u.member!, teamId)).json()) as TeamSummary).name).toBe("Renamed again");
    const member = await rename(u.member!, teamId, "Nope");
    expect(member.status).toBe(403);
    expect(await code(member)).toBe("team_role_forbidden");
    expect((await rename(u.outsider!, teamId, "Nope")).status).toBe(404);
    expect((await rename(u.instanceAdmin!, teamId, "Nope")).status).toBe(404);
    expect((await getTeam(u.instanceAdmin!, teamId)).status).toBe(404);
    const events = await audit(teamId, "team.rename");
    expect(events.map((e) => e.data)).toEqual([
      { from: expect.any(String), to: "Renamed" },
      { from: "Renamed", to: "Renamed again" },
    ]);
  });

  it("delete: owner only; afterwards every team route is 404 for everyone and the team leaves the lists", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN" });
    const byAdmin = await r.team.DELETE(send(u.admin!, `/api/teams/${teamId}`, "DELETE"), ctx({ teamId }));
    expect(byAdmin.status).toBe(403);
    const res = await r.team.DELETE(send(u.owner!, `/api/teams/${teamId}`, "DELETE"), ctx({ teamId }));
    expect(res.status).toBe(200);
    expect((await s.db.team.findUnique({ where: { id: teamId } }))?.deletedAt).not.toBeNull();
    for (const user of [u.owner!, u.admin!]) {
      expect((await getTeam(user, teamId)).status).toBe(404);
      expect((await members(user, teamId)).status).toBe(404);
      const list = (await (await r.teams.GET(getRequest(user, "/api/teams"))).json()) as { teams: TeamSummary[] };
      expect(list.teams.map((t) => t.id)).not.toContain(teamId);
    }
    expect((await r.team.DELETE(send(u.owner!, `/api/teams/${teamId}`, "DELETE"), ctx({ teamId }))).status).toBe(404);
    expect(await audit(teamId, "team.delete")).toHaveLength(1);
  });

  it("members: any member sees name, email, role and join date; outsiders 404", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN", member: "MEMBER", viewer: "VIEWER" });
    const res = await members(u.viewer!, teamId);
    expect(res.status).toBe(200);
    const list = ((await res.json()) as { members: MemberView[] }).members;
    expect(list.map((m) => m.role)).toEqual(["OWNER", "ADMIN", "MEMBER", "VIEWER"]);
    expect(list[0]).toMatchObject({ userId: u.owner!.id, email: `owner-teams-${kind}@example.test`, joinedAt: expect.any(String) });
    expect((await members(u.outsider!, teamId)).status).toBe(404);
    expect((await members(u.instanceAdmin!, teamId)).status).toBe(404);
    expect(((await (await getTeam(u.viewer!, teamId)).json()) as TeamSummary)).toMatchObject({ role: "VIEWER", memberCount: 4 });
  });

  it("role changes follow the rank rules", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN", admin2: "ADMIN", member: "MEMBER", viewer: "VIEWER" });
    const expectStatus = async (p: Promise<Response>, status: number, errorCode?: string) => {
      const res = await p;
      expect(res.status).toBe(status);
      if (errorCode) expect(await code(res)).toBe(errorCode);
    };
    // admin: only members below them, and only to roles below their own
    await expectStatus(setRole(u.admin!, teamId, u.member!.id, "VIEWER"), 200);
    await expectStatus(setRole(u.admin!, teamId, u.member!.id, "MEMBER"), 200);
    await expectStatus(setRole(u.admin!, teamId, u.member!.id, "ADMIN"), 403, "member_rank");
    await expectStatus(setRole(u.admin!, teamId, u.owner!.id, "MEMBER"), 403, "member_rank");
    await expectStatus(setRole(u.admin!, teamId, u.admin2!.id, "MEMBER"), 403, "member_rank");
    await expectStatus(setRole(u.admin!, teamId, u.admin!.id, "MEMBER"), 403, "member_rank");
    // nobody assigns OWNER by a role change (schema refuses it)
    await expectStatus(setRole(u.owner!, teamId, u.admin!.id, "OWNER"), 422);
    // member and viewer may not manage members at all
    await expectStatus(setRole(u.member!, teamId, u.viewer!.id, "MEMBER"), 403, "team_role_forbidden");
    await expectStatus(setRole(u.viewer!, teamId, u.member!.id, "VIEWER"), 403, "team_role_forbidden");
    // outsiders and instance admins: the team does not exist
    await expectStatus(setRole(u.outsider!, teamId, u.member!.id, "VIEWER"), 404);
    await expectStatus(setRole(u.instanceAdmin!, teamId, u.member!.id, "VIEWER"), 404);
    // owner: any role but OWNER on anyone but themselves
    await expectStatus(setRole(u.owner!, teamId, u.member!.id, "ADMIN"), 200);
    await expectStatus(setRole(u.owner!, teamId, u.admin2!.id, "VIEWER"), 200);
    await expectStatus(setRole(u.owner!, teamId, u.owner!.id, "ADMIN"), 403, "member_rank");
    await expectStatus(setRole(u.owner!, teamId, u.outsider!.id, "MEMBER"), 404);
    const roles = Object.fromEntries(
      (await s.db.membership.findMany({ where: { teamId } })).map((m) => [m.userId, m.role]),
    );
    expect(roles).toMatchObject({ [u.owner!.id]: "OWNER", [u.admin!.id]: "ADMIN", [u.admin2!.id]: "VIEWER", [u.member!.id]: "ADMIN" });
    const events = await audit(teamId, "member.role");
    expect(events.map((e) => [e.targetId, e.data])).toEqual([
      [u.member!.id, { from: "MEMBER", to: "VIEWER" }],
      [u.member!.id, { from: "VIEWER", to: "MEMBER" }],
      [u.member!.id, { from: "MEMBER", to: "ADMIN" }],
      [u.admin2!.id, { from: "ADMIN", to: "VIEWER" }],
    ]);
  });

  it("a demotion takes effect on the next request", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN", viewer: "VIEWER" });
    expect((await rename(u.admin!, teamId, "Before demotion")).status).toBe(200);
    expect((await setRole(u.owner!, teamId, u.admin!.id, "MEMBER")).status).toBe(200);
    expect((await rename(u.admin!, teamId, "After demotion")).status).toBe(403);
  });

  it("removal: rank rules, audited, and the removed member's next request is 404", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN", admin2: "ADMIN", member: "MEMBER", viewer: "VIEWER" });
    expect((await getTeam(u.member!, teamId)).status).toBe(200);
    expect((await remove(u.admin!, teamId, u.admin2!.id)).status).toBe(403);
    expect((await remove(u.admin!, teamId, u.owner!.id)).status).toBe(403);
    expect((await remove(u.member!, teamId, u.viewer!.id)).status).toBe(403);
    expect((await remove(u.outsider!, teamId, u.viewer!.id)).status).toBe(404);
    expect((await remove(u.admin!, teamId, u.member!.id)).status).toBe(200);
    const gone = await getTeam(u.member!, teamId);
    expect(gone.status).toBe(404);
    expect((await members(u.member!, teamId)).status).toBe(404);
    expect((await remove(u.admin!, teamId, u.member!.id)).status).toBe(404);
    expect((await remove(u.owner!, teamId, u.admin2!.id)).status).toBe(200);
    const events = await audit(teamId, "member.remove");
    expect(events.map((e) => [e.actorId, e.targetId, e.data])).toEqual([
      [u.admin!.id, u.member!.id, { role: "MEMBER" }],
      [u.owner!.id, u.admin2!.id, { role: "ADMIN" }],
    ]);
  });

  it("leave: members, viewers and admins may; the owner gets 409 owner_must_transfer", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN", viewer: "VIEWER" });
    const owner = await remove(u.owner!, teamId, u.owner!.id);
    expect(owner.status).toBe(409);
    expect(await code(owner)).toBe("owner_must_transfer");
    expect((await remove(u.viewer!, teamId, u.viewer!.id)).status).toBe(200);
    expect((await remove(u.admin!, teamId, u.admin!.id)).status).toBe(200);
    expect((await getTeam(u.viewer!, teamId)).status).toBe(404);
    expect((await remove(u.viewer!, teamId, u.viewer!.id)).status).toBe(404);
    expect((await remove(u.outsider!, teamId, u.outsider!.id)).status).toBe(404);
    const events = await audit(teamId, "member.leave");
    expect(events.map((e) => [e.actorId, e.data])).toEqual([
      [u.viewer!.id, { role: "VIEWER" }],
      [u.admin!.id, { role: "ADMIN" }],
    ]);
    expect(((await (await getTeam(u.owner!, teamId)).json()) as TeamSummary).memberCount).toBe(1);
  });

  it("transfer: owner only, to a member; new owner OWNER, old owner ADMIN, audited; the old owner may then leave", async () => {
    const teamId = await teamWith(u.owner!, { admin: "ADMIN", member: "MEMBER" });
    expect((await transfer(u.admin!, teamId, u.member!.id)).status).toBe(403);
    expect((await transfer(u.outsider!, teamId, u.member!.id)).status).toBe(404);
    expect((await transfer(u.owner!, teamId, u.outsider!.id)).status).toBe(404);
    expect((await transfer(u.owner!, teamId, u.owner!.id)).status).toBe(422);
    expect((await transfer(u.owner!, teamId, u.member!.id)).status).toBe(200);
    const roles = Object.fromEntries((await s.db.membership.findMany({ where: { teamId } })).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [u.owner!.id]: "ADMIN", [u.admin!.id]: "ADMIN", [u.member!.id]: "OWNER" });
    expect((await transfer(u.owner!, teamId, u.admin!.id)).status).toBe(403);
    const events = await audit(teamId, "team.transfer");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: u.owner!.id, targetId: u.member!.id, data: { from: u.owner!.id, to: u.member!.id } });
    // the new owner manages the old one; the old owner can leave now
    expect((await setRole(u.member!, teamId, u.owner!.id, "VIEWER")).status).toBe(200);
    expect((await remove(u.owner!, teamId, u.owner!.id)).status).toBe(200);
    expect((await remove(u.member!, teamId, u.member!.id)).status).toBe(409);
  });

  it("malformed ids are 404, never 500", async () => {
    const teamId = "../../etc";
    expect((await getTeam(u.owner!, teamId)).status).toBe(404);
    expect((await getTeam(u.owner!, "nonexistent-team")).status).toBe(404);
    const res = await r.transfer.POST(send(u.owner!, `/api/teams/x/transfer`, "POST", { userId: 42 }), ctx({ teamId: "x" }));
    expect([404, 422]).toContain(res.status);
  });
});
