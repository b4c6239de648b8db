// Team invitations through the real route handlers on a real database: link invites (single use
// under concurrency, multi-use, expiry, revocation, decline), email invites of existing accounts
// (accept, decline, addressed to someone else), rank rules for inviters, and their audit events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedLinkInvite, InviteView, LinkPreview, PendingInvite, TeamSummary } from "@/lib/shared/team-views";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

async function inviteRoutes() {
  return {
    teams: await import("@/app/api/teams/route"),
    team: await import("@/app/api/teams/[teamId]/route"),
    teamInvites: await import("@/app/api/teams/[teamId]/invites/route"),
    teamInvite: await import("@/app/api/teams/[teamId]/invites/[inviteId]/route"),
    myInvites: await import("@/app/api/invites/route"),
    emailAccept: await import("@/app/api/invites/[inviteId]/accept/route"),
    emailDecline: await import("@/app/api/invites/[inviteId]/decline/route"),
    preview: await import("@/app/api/invites/link/[token]/route"),
    linkAccept: await import("@/app/api/invites/link/[token]/accept/route"),
    linkDecline: await import("@/app/api/invites/link/[token]/decline/route"),
  };
}

describe.each(providers())("team invites on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof inviteRoutes>>;
  const u: Record<string, StudioUser> = {};
  const email = (name: string) => `${name}-inv-${kind}@example.test`;

  const send = (user: StudioUser, url: string, method: string, body?: unknown) => jsonRequest(url, method, body, { cookie: user.cookie });
  const code = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;
  const invite = (user: StudioUser, teamId: string, body: unknown) =>
    r.teamInvites.POST(send(user, `/api/teams/${teamId}/invites`, "POST", body), ctx({ teamId }));
  const linkInvite = async (user: StudioUser, teamId: string, body: Record<string, unknown> = {}) => {
    const res = await invite(user, teamId, { kind: "link", ...body });
    expect(res.status).toBe(201);
    return (await res.json()) as CreatedLinkInvite;
  };
  const acceptLink = (user: StudioUser, token: string) => r.linkAccept.POST(send(user, `/api/invites/link/${token}/accept`, "POST"), ctx({ token }));
  const declineLink = (user: StudioUser, token: string) => r.linkDecline.POST(send(user, `/api/invites/link/${token}/decline`, "POST"), ctx({ token }));
  const preview = (user: StudioUser, token: string) => r.preview.GET(getRequest(user, `/api/invites/link/${token}`), ctx({ token }));
  const acceptEmail = (user: StudioUser, inviteId: string) => r.emailAccept.POST(send(user, `/api/invites/${inviteId}/accept`, "POST"), ctx({ inviteId }));
  const declineEmail = (user: StudioUser, inviteId: string) => r.emailDecline.POST(send(user, `/api/invites/${inviteId}/decline`, "POST"), ctx({ inviteId }));
  const myInvites = async (user: StudioUser) => ((await (await r.myInvites.GET(getRequest(user, "/api/invites"))).json()) as { invites: PendingInvite[] }).invites;
  const memberRole = async (teamId: string, user: StudioUser) =>
    (await s.db.membership.findUnique({ where: { teamId_userId: { teamId, userId: user.id } } }))?.role ?? null;
  const audit = (teamId: string, action: string) =>
    s.db.auditEvent.findMany({ where: { teamId, action }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

  async function newTeam(others: Record<string, "ADMIN" | "MEMBER" | "VIEWER"> = {}): Promise<string> {
    const team = (await (await r.teams.POST(send(u.owner!, "/api/teams", "POST", { name: "Invites team" }))).json()) as TeamSummary;
    for (const [name, role] of Object.entries(others)) await s.db.membership.create({ data: { teamId: team.id, userId: u[name]!.id, role } });
    return team.id;
  }

  beforeAll(async () => {
    s = await setupStudio(kind);
    r = await inviteRoutes();
    for (const name of ["owner", "admin", "member", "viewer", "outsider", "instanceAdmin", ...Array.from({ length: 8 }, (_, i) => `joiner${i}`)]) {
      u[name] = await s.user(email(name));
    }
    await s.db.user.update({ where: { id: u.owner!.id }, data: { name: "Olivia Owner" } });
    await s.db.user.update({ where: { id: u.instanceAdmin!.id }, data: { role: "ADMIN" } });
  });
  afterAll(async () => s?.drop());

  it("a link invite stores only the token's hash, previews team/role/inviter, and joins with its role", async () => {
    const teamId = await newTeam();
    const { invite, token } = await linkInvite(u.owner!, teamId, { role: "VIEWER", expiresInHours: 48 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite).toMatchObject({ kind: "link", role: "VIEWER", maxUses: 1, uses: 0 });
    expect(JSON.stringify(invite)).not.toContain(token);
    const row = await s.db.teamInvite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(47.9 * 3600_000);
    const p = await preview(u.joiner0!, token);
    expect(p.status).toBe(200);
    expect((await p.json()) as LinkPreview).toMatchObject({ team: { id: teamId, name: "Invites team" }, role: "VIEWER", invitedBy: "Olivia Owner", alreadyMember: false });
    const res = await acceptLink(u.joiner0!, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ teamId, role: "VIEWER" });
    expect(await memberRole(teamId, u.joiner0!)).toBe("VIEWER");
    expect((await r.team.GET(getRequest(u.joiner0!, `/api/teams/${teamId}`), ctx({ teamId }))).status).toBe(200);
    const joined = await audit(teamId, "member.join");
    expect(joined.map((e) => [e.actorId, e.data])).toEqual([[u.joiner0!.id, { role: "VIEWER", via: "link", inviteId: invite.id }]]);
    expect(await audit(teamId, "invite.create")).toHaveLength(1);
    // used up now: preview and accept are 404 for anyone
    expect((await preview(u.joiner1!, token)).status).toBe(404);
    const again = await acceptLink(u.joiner1!, token);
    expect(again.status).toBe(404);
    expect(await code(again)).toBe("team_invite_invalid");
  });

  it("a single-use link accepted by two users at once gives exactly one membership", async () => {
    for (let round = 0; round < 3; round++) {
      const teamId = await newTeam();
      const { invite, token } = await linkInvite(u.owner!, teamId, { maxUses: 1 });
      const results = await Promise.all([acceptLink(u.joiner1!, token), acceptLink(u.joiner2!, token), acceptLink(u.joiner3!, token)]);
      const statuses = results.map((x) => x.status).sort();
      expect(statuses).toEqual([200, 404, 404]);
      expect(await s.db.membership.count({ where: { teamId, role: "MEMBER" } })).toBe(1);
      expect((await s.db.teamInvite.findUniqueOrThrow({ where: { id: invite.id } })).uses).toBe(1);
      expect(await audit(teamId, "member.join")).toHaveLength(1);
    }
  });

  it("the same user accepting a multi-use link twice at once joins once (already_member)", async () => {
    const teamId = await newTeam();
    const { invite, token } = await linkInvite(u.owner!, teamId, { maxUses: 5 });
    const results = await Promise.all([acceptLink(u.joiner1!, token), acceptLink(u.joiner1!, token)]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(await s.db.membership.count({ where: { teamId, userId: u.joiner1!.id } })).toBe(1);
    expect((await s.db.teamInvite.findUniqueOrThrow({ where: { id: invite.id } })).uses).toBe(1);
    const p = (await (await preview(u.joiner1!, token)).json()) as LinkPreview;
    expect(p.alreadyMember).toBe(true);
  });

  it("a multi-use link admits up to maxUses people, concurrently too, then 404", async () => {
    const teamId = await newTeam();
    const { token } = await linkInvite(u.owner!, teamId, { maxUses: 3 });
    const joiners = [u.joiner0!, u.joiner1!, u.joiner2!, u.joiner3!, u.joiner4!];
    const results = await Promise.all(joiners.map((j) => acceptLink(j, token)));
    expect(results.filter((x) => x.status === 200)).toHaveLength(3);
    expect(results.filter((x) => x.status === 404)).toHaveLength(2);
    expect(await s.db.membership.count({ where: { teamId, role: "MEMBER" } })).toBe(3);
    expect((await acceptLink(u.joiner5!, token)).status).toBe(404);
  });

  it("expired and revoked links are 404 at once; revoke is team.invite only and audited", async () => {
    const teamId = await newTeam({ admin: "ADMIN", member: "MEMBER" });
    const expired = await linkInvite(u.owner!, teamId, {});
    await s.db.teamInvite.update({ where: { id: expired.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await preview(u.joiner0!, expired.token)).status).toBe(404);
    expect((await acceptLink(u.joiner0!, expired.token)).status).toBe(404);

    const revoked = await linkInvite(u.admin!, teamId, { maxUses: 10 });
    const list = async (user: StudioUser) => r.teamInvites.GET(getRequest(user, `/api/teams/${teamId}/invites`), ctx({ teamId }));
    const open = ((await (await list(u.admin!)).json()) as { invites: InviteView[] }).invites;
    expect(open.map((i) => i.id)).toEqual([revoked.invite.id]); // the expired one is not listed
    expect((await list(u.member!)).status).toBe(403);
    expect((await list(u.outsider!)).status).toBe(404);
    const revoke = (user: StudioUser, inviteId: string, team = teamId) =>
      r.teamInvite.DELETE(send(user, `/api/teams/${team}/invites/${inviteId}`, "DELETE"), ctx({ teamId: team, inviteId }));
    expect((await revoke(u.member!, revoked.invite.id)).status).toBe(403);
    expect((await revoke(u.outsider!, revoked.invite.id)).status).toBe(404);
    const otherTeam = await newTeam();
    expect((await revoke(u.owner!, revoked.invite.id, otherTeam)).status).toBe(404); // not that team's invite
    expect((await revoke(u.admin!, revoked.invite.id)).status).toBe(200);
    expect((await revoke(u.admin!, revoked.invite.id)).status).toBe(200); // idempotent, audited once
    expect((await preview(u.joiner0!, revoked.token)).status).toBe(404);
    expect((await acceptLink(u.joiner0!, revoked.token)).status).toBe(404);
    expect(((await (await list(u.admin!)).json()) as { invites: InviteView[] }).invites).toEqual([]);
    const events = await audit(teamId, "invite.revoke");
    expect(events.map((e) => [e.actorId, e.targetId])).toEqual([[u.admin!.id, revoked.invite.id]]);
  });

  it("an unknown or malformed token is 404", async () => {
    const fake = "A".repeat(43);
    expect((await preview(u.joiner0!, fake)).status).toBe(404);
    expect((await acceptLink(u.joiner0!, fake)).status).toBe(404);
    expect((await declineLink(u.joiner0!, fake)).status).toBe(404);
    expect((await acceptLink(u.joiner0!, "short")).status).toBe(404);
  });

  it("declining a single-use link closes it; declining a multi-use link leaves it open; both audited", async () => {
    const teamId = await newTeam();
    const single = await linkInvite(u.owner!, teamId, { maxUses: 1 });
    expect((await declineLink(u.joiner0!, single.token)).status).toBe(200);
    expect((await acceptLink(u.joiner1!, single.token)).status).toBe(404);
    const multi = await linkInvite(u.owner!, teamId, { maxUses: 2 });
    expect((await declineLink(u.joiner0!, multi.token)).status).toBe(200);
    expect((await acceptLink(u.joiner1!, multi.token)).status).toBe(200);
    expect((await audit(teamId, "invite.decline")).map((e) => [e.actorId, e.targetId])).toEqual([
      [u.joiner0!.id, single.invite.id],
      [u.joiner0!.id, multi.invite.id],
    ]);
  });

  it("invite rules: admins invite below their rank, owners any role but OWNER; members, viewers 403; outsiders, instance admins 404", async () => {
    const teamId = await newTeam({ admin: "ADMIN", member: "MEMBER", viewer: "VIEWER" });
    expect((await invite(u.admin!, teamId, { kind: "link", role: "MEMBER" })).status).toBe(201);
    const asAdmin = await invite(u.admin!, teamId, { kind: "link", role: "ADMIN" });
    expect(asAdmin.status).toBe(403);
    expect(await code(asAdmin)).toBe("member_rank");
    expect((await invite(u.admin!, teamId, { kind: "link", role: "OWNER" })).status).toBe(422);
    const m = await invite(u.member!, teamId, { kind: "link" });
    expect(m.status).toBe(403);
    expect(await code(m)).toBe("team_role_forbidden");
    expect((await invite(u.viewer!, teamId, { kind: "email", email: email("joiner6") })).status).toBe(403);
    expect((await invite(u.outsider!, teamId, { kind: "link" })).status).toBe(404);
    expect((await invite(u.instanceAdmin!, teamId, { kind: "link" })).status).toBe(404);
  });

  it("validates expiry (1 h … 30 days), max uses (1 … 100) and role with 422; defaults to 7 days, single use, MEMBER", async () => {
    const teamId = await newTeam();
    for (const body of [
      { kind: "link", expiresInHours: 0 },
      { kind: "link", expiresInHours: 721 },
      { kind: "link", expiresInHours: 1.5 },
      { kind: "link", maxUses: 0 },
      { kind: "link", maxUses: 101 },
      { kind: "link", role: "GOD" },
      { kind: "link", extra: 1 },
      { kind: "carrier-pigeon" },
      { kind: "email", email: "not-an-email" },
      { kind: "email" },
    ]) {
      const res = await invite(u.owner!, teamId, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const { invite: d } = await linkInvite(u.owner!, teamId);
    expect(d).toMatchObject({ role: "MEMBER", maxUses: 1 });
    const hours = (Date.parse(d.expiresAt) - Date.parse(d.createdAt)) / 3600_000;
    expect(hours).toBeGreaterThan(167.9);
    expect(hours).toBeLessThan(168.1);
    expect((await invite(u.owner!, teamId, { kind: "link", expiresInHours: 1, maxUses: 100 })).status).toBe(201);
    expect((await invite(u.owner!, teamId, { kind: "link", expiresInHours: 720 })).status).toBe(201);
  });

  it("email invite of an existing account: listed for the addressee only, accepted once, audited", async () => {
    const teamId = await newTeam({ admin: "ADMIN" });
    const res = await invite(u.admin!, teamId, { kind: "email", email: `  ${email("joiner6").toUpperCase()} `, role: "VIEWER" });
    expect(res.status).toBe(201);
    const { invite: inv } = (await res.json()) as { invite: InviteView };
    expect(inv).toMatchObject({ kind: "email", email: email("joiner6"), role: "VIEWER" });
    expect((await s.db.teamInvite.findUniqueOrThrow({ where: { id: inv.id } })).tokenHash).toBeNull();
    const mine = await myInvites(u.joiner6!);
    expect(mine).toContainEqual(expect.objectContaining({ id: inv.id, team: { id: teamId, name: "Invites team" }, role: "VIEWER" }));
    expect((await myInvites(u.joiner7!)).map((i) => i.id)).not.toContain(inv.id);
    // someone else can neither accept nor decline it
    expect((await acceptEmail(u.joiner7!, inv.id)).status).toBe(404);
    expect((await declineEmail(u.joiner7!, inv.id)).status).toBe(404);
    expect((await acceptEmail(u.admin!, inv.id)).status).toBe(404);
    expect(await memberRole(teamId, u.joiner7!)).toBeNull();
    const ok = await acceptEmail(u.joiner6!, inv.id);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ teamId, role: "VIEWER" });
    expect(await memberRole(teamId, u.joiner6!)).toBe("VIEWER");
    expect((await acceptEmail(u.joiner6!, inv.id)).status).toBe(404);
    expect((await myInvites(u.joiner6!)).map((i) => i.id)).not.toContain(inv.id);
    expect((await audit(teamId, "member.join")).map((e) => e.data)).toEqual([{ role: "VIEWER", via: "email", inviteId: inv.id }]);
    expect((await audit(teamId, "invite.create")).map((e) => e.data)).toEqual([
      { kind: "email", role: "VIEWER", email: email("joiner6"), expiresInHours: 168 },
    ]);
  });

  it("email invite: an unknown address is answered exactly like a known one (no user enumeration); a member's email is 409 already_member", async () => {
    const teamId = await newTeam({ member: "MEMBER" });
    const unknown = await invite(u.owner!, teamId, { kind: "email", email: "nobody-here@example.test" });
    const known = await invite(u.owner!, teamId, { kind: "email", email: email("instanceAdmin") });
    expect(unknown.status).toBe(201);
    expect(known.status).toBe(201);
    const shape = (v: unknown): unknown => (v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "object" && x ? shape(x) : typeof x])) : typeof v);
    expect(shape(await unknown.json())).toEqual(shape(await known.json()));
    const member = await invite(u.owner!, teamId, { kind: "email", email: email("member") });
    expect(member.status).toBe(409);
    expect(await code(member)).toBe("already_member");
    expect((await invite(u.owner!, teamId, { kind: "email", email: email("owner") })).status).toBe(409);
    expect(await s.db.teamInvite.count({ where: { teamId } })).toBe(2);
  });

  it("email invite decline: closes it, audited; a new invite replaces an open one to the same address", async () => {
    const teamId = await newTeam();
    const first = ((await (await invite(u.owner!, teamId, { kind: "email", email: email("joiner7") })).json()) as { invite: InviteView }).invite;
    const second = ((await (await invite(u.owner!, teamId, { kind: "email", email: email("joiner7"), role: "VIEWER" })).json()) as { invite: InviteView }).invite;
    const mine = (await myInvites(u.joiner7!)).filter((i) => i.team.id === teamId);
    expect(mine.map((i) => [i.id, i.role])).toEqual([[second.id, "VIEWER"]]);
    expect((await acceptEmail(u.joiner7!, first.id)).status).toBe(404);
    expect((await declineEmail(u.joiner7!, second.id)).status).toBe(200);
    expect((await acceptEmail(u.joiner7!, second.id)).status).toBe(404);
    expect((await declineEmail(u.joiner7!, second.id)).status).toBe(404);
    expect(await memberRole(teamId, u.joiner7!)).toBeNull();
    expect((await myInvites(u.joiner7!)).filter((i) => i.team.id === teamId)).toEqual([]);
    expect((await s.db.teamInvite.findUniqueOrThrow({ where: { id: second.id } })).declinedAt).not.toBeNull();
    expect((await audit(teamId, "invite.decline")).map((e) => [e.actorId, e.targetId, e.data])).toEqual([
      [u.joiner7!.id, second.id, { kind: "email", role: "VIEWER" }],
    ]);
  });

  it("an invite to a deleted team is dead, and a link invite id cannot be accepted as an email invite", async () => {
    const teamId = await newTeam();
    const link = await linkInvite(u.owner!, teamId, { maxUses: 5 });
    expect((await acceptEmail(u.joiner5!, link.invite.id)).status).toBe(404);
    const byEmail = ((await (await invite(u.owner!, teamId, { kind: "email", email: email("joiner5") })).json()) as { invite: InviteView }).invite;
    expect((await r.team.DELETE(send(u.owner!, `/api/teams/${teamId}`, "DELETE"), ctx({ teamId }))).status).toBe(200);
    expect((await acceptLink(u.joiner5!, link.token)).status).toBe(404);
    expect((await acceptEmail(u.joiner5!, byEmail.id)).status).toBe(404);
    expect((await myInvites(u.joiner5!)).map((i) => i.id)).not.toContain(byEmail.id);
  });

  it("signed-out requests are 401", async () => {
    const anon = await r.myInvites.GET(getRequest(null, "/api/invites"));
    expect(anon.status).toBe(401);
    const token = "B".repeat(43);
    expect((await r.linkAccept.POST(jsonRequest(`/api/invites/link/${token}/accept`, "POST"), ctx({ token }))).status).toBe(401);
  });

  // Last: it leaves the owner without email invitations for this process.
  it("email invites are rate-limited per inviter (429 rate_limited with Retry-After)", async () => {
    const teamId = await newTeam();
    const { takeEmailInviteToken, EMAIL_INVITE_RATE_LIMIT } = await import("@/lib/server/teams/invite-rate-limit");
    // Spend the owner's burst directly (sending that many invitations would refill it meanwhile).
    try {
      for (let i = 0; i <= EMAIL_INVITE_RATE_LIMIT.capacity; i++) takeEmailInviteToken(u.owner!.id);
    } catch {
      // the bucket ran dry
    }
    const res = await invite(u.owner!, teamId, { kind: "email", email: "probe@example.test" });
    expect(res.status).toBe(429);
    expect(await code(res)).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
