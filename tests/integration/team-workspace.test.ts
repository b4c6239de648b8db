// Team workspaces through the real handlers: generating into a team by role, listing and streaming a
// team's clips, removal biting on the very next request, moving a personal clip in, the three budgets
// refusing with their own named message, per-model prices, and the audit events of these actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/shared/generation-view";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

const TEXT = { mode: "text", prompt: "Morning fog over tea terraces", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" };

async function routes() {
  return {
    generations: await import("@/app/api/generations/route"),
    one: await import("@/app/api/generations/[id]/route"),
    move: await import("@/app/api/generations/[id]/move/route"),
    workspace: await import("@/app/api/workspace/route"),
  };
}

describe.each(providers())("team workspace on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof routes>>;
  let owner: StudioUser, member: StudioUser, viewer: StudioUser, outsider: StudioUser;
  let teamId: string;
  let n = 0;

  const submit = (u: StudioUser, team: string | null, body: unknown = { ...TEXT, prompt: `${TEXT.prompt} ${n}` }) =>
    r.generations.POST(
      jsonRequest(`/api/generations${team ? `?team=${team}` : ""}`, "POST", body, { cookie: u.cookie, "idempotency-key": `ws-key-${kind}-${n++}` }),
    );
  const list = (u: StudioUser, team: string | null) =>
    r.generations.GET(jsonRequest(`/api/generations${team ? `?team=${team}` : ""}`, "GET", undefined, { cookie: u.cookie }));
  const move = (u: StudioUser, id: string, target: string) =>
    r.move.POST(jsonRequest(`/api/generations/${id}/move`, "POST", { teamId: target }, { cookie: u.cookie }), ctx({ id }));

  beforeAll(async () => {
    s = await setupStudio(kind, { PRICE_FEN_IMAGE: "300" });
    r = await routes();
    owner = await s.user(`ws-owner-${kind}@x.test`);
    member = await s.user(`ws-member-${kind}@x.test`);
    viewer = await s.user(`ws-viewer-${kind}@x.test`);
    outsider = await s.user(`ws-outsider-${kind}@x.test`);
    const team = await s.db.team.create({
      data: {
        name: "Studio North",
        memberships: {
          create: [
            { userId: owner.id, role: "OWNER" },
            { userId: member.id, role: "MEMBER" },
            { userId: viewer.id, role: "VIEWER" },
          ],
        },
      },
    });
    teamId = team.id;
    await s.db.team.create({ data: { name: "Elsewhere", memberships: { create: { userId: outsider.id, role: "OWNER" } } } });
  });
  afterAll(async () => s?.drop());

  it("members generate into the team; viewers get 403; outsiders 404; the clip, hold and audit event carry the team", async () => {
    const res = await submit(member, teamId);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const row = await s.db.generation.findUniqueOrThrow({ where: { id } });
    expect(row.teamId).toBe(teamId);
    expect(await s.db.ledgerEntry.findFirst({ where: { generationId: id, kind: "HOLD" } })).toMatchObject({ teamId, userId: member.id, amountFen: 250 });
    expect(await s.db.auditEvent.findFirst({ where: { teamId, action: "clip.generate", targetId: id } })).toMatchObject({ actorId: member.id });

    const denied = await submit(viewer, teamId);
    expect(denied.status).toBe(403);
    const body = await denied.json();
    expect(body.error.code).toBe("team_role_forbidden");
    expect(body.error.messages["zh-CN"]).toBeTruthy();
    expect((await submit(outsider, teamId)).status).toBe(404);
    expect(await s.db.generation.count({ where: { ownerId: { in: [viewer.id, outsider.id] } } })).toBe(0);
  });

  it("the team's clips are listed for every member with per-clip rights, and never in anyone's personal list", async () => {
    const personal = await submit(member, null);
    const personalId = ((await personal.json()) as { id: string }).id;
    const forViewer = (await (await list(viewer, teamId)).json()) as { items: GenerationView[] };
    expect(forViewer.items.length).toBeGreaterThan(0);
    expect(forViewer.items.every((v) => v.teamId === teamId)).toBe(true);
    expect(forViewer.items[0]?.rights).toMatchObject({ download: true, delete: false, share: false, annotate: false, retry: false });
    const forMember = (await (await list(member, teamId)).json()) as { items: GenerationView[] };
    expect(forMember.items[0]?.rights).toMatchObject({ delete: true, share: true, annotate: true });
    const forOwner = (await (await list(owner, teamId)).json()) as { items: GenerationView[] };
    expect(forOwner.items[0]?.rights).toMatchObject({ delete: true, share: true });
    const memberPersonal = (await (await list(member, null)).json()) as { items: GenerationView[] };
    expect(memberPersonal.items.map((v) => v.id)).toEqual([personalId]);
    expect((await list(outsider, teamId)).status).toBe(404);
    const ownerPersonal = (await (await list(owner, null)).json()) as { items: GenerationView[] };
    expect(ownerPersonal.items).toHaveLength(0);
  });

  it("removal and demotion take effect on the very next request", async () => {
    const temp = await s.user(`ws-temp-${kind}@x.test`);
    await s.db.membership.create({ data: { teamId, userId: temp.id, role: "MEMBER" } });
    expect((await list(temp, teamId)).status).toBe(200);
    expect((await submit(temp, teamId)).status).toBe(202);
    await s.db.membership.update({ where: { teamId_userId: { teamId, userId: temp.id } }, data: { role: "VIEWER" } });
    expect((await submit(temp, teamId)).status).toBe(403);
    await s.db.membership.delete({ where: { teamId_userId: { teamId, userId: temp.id } } });
    expect((await list(temp, teamId)).status).toBe(404);
    const clip = await s.db.generation.findFirstOrThrow({ where: { teamId, ownerId: temp.id } });
    // Their own clip stays with the team and is now invisible to them.
    expect((await r.one.GET(jsonRequest(`/api/generations/${clip.id}`, "GET", undefined, { cookie: temp.cookie }), ctx({ id: clip.id }))).status).toBe(404);
  });

  it("a personal clip moves into a team by its creator only; the move is audited and the money stays personal", async () => {
    const res = await submit(member, null);
    const { id } = (await res.json()) as { id: string };
    expect((await move(viewer, id, teamId)).status).toBe(404); // not theirs: not even visible
    expect((await move(member, id, "nonexistentteam000000000")).status).toBe(404);
    const moved = await move(member, id, teamId);
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as GenerationView).teamId).toBe(teamId);
    expect((await s.db.generation.findUniqueOrThrow({ where: { id } })).teamId).toBe(teamId);
    expect(await s.db.ledgerEntry.findFirst({ where: { generationId: id, kind: "HOLD" } })).toMatchObject({ teamId: null });
    expect(await s.db.auditEvent.count({ where: { teamId, action: "clip.move", targetId: id, actorId: member.id } })).toBe(1);
    const again = await move(member, id, teamId);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("not_movable");
    // A viewer's personal clip cannot go into a team where they may not generate.
    const own = await submit(viewer, null);
    const ownId = ((await own.json()) as { id: string }).id;
    const refused = await move(viewer, ownId, teamId);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("team_role_forbidden");
  });

  it("each budget refuses with its own code and a bilingual message naming it; prices are per model", async () => {
    const fresh = await s.db.team.create({ data: { name: "Budgeted", memberships: { create: [{ userId: member.id, role: "MEMBER" }] } } });
    const image = await s.db.upload.create({
      data: { ownerId: member.id, storageKey: `uploads/${kind}-budget.png`, mime: "image/png", width: 1024, height: 576, bytes: 10, sha256: "x" },
    });
    const imageBody = { mode: "image", prompt: "", uploadId: image.id, movementAmplitude: "auto", withAudio: false };

    await s.db.budget.create({ data: { scope: "MEMBER_MONTHLY", teamId: fresh.id, userId: null, limitFen: 250 } });
    expect((await submit(member, fresh.id)).status).toBe(202);
    let res = await submit(member, fresh.id);
    expect(res.status).toBe(402);
    let err = (await res.json()).error;
    expect(err.code).toBe("budget_member_monthly");
    expect(err.messages.en).toBe("This clip would exceed your monthly budget in this team (¥2.50 spent this month; budget ¥2.50).");
    expect(err.messages["zh-CN"]).toContain("本月预算");

    await s.db.budget.deleteMany({ where: { teamId: fresh.id } });
    await s.db.budget.create({ data: { scope: "TEAM_MONTHLY", teamId: fresh.id, limitFen: 500 } });
    res = await submit(member, fresh.id, imageBody); // 250 + 300 > 500
    expect(res.status).toBe(402);
    err = (await res.json()).error;
    expect(err.code).toBe("budget_team_monthly");
    expect(err.messages.en).toContain("team's monthly budget (¥2.50 spent this month; budget ¥5.00)");

    await s.db.budget.deleteMany({ where: { teamId: fresh.id } });
    res = await submit(member, fresh.id, imageBody);
    expect(res.status).toBe(202);
    expect((await s.db.generation.findUniqueOrThrow({ where: { id: ((await res.json()) as { id: string }).id } })).costFen).toBe(300);

    const spentToday = await s.db.ledgerEntry.count();
    await s.db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: 1 } });
    try {
      res = await submit(outsider, null);
      expect(res.status).toBe(402);
      err = (await res.json()).error;
      expect(err.code).toBe("budget_instance_daily");
      expect(err.messages.en).toContain("daily spending cap");
      expect(await s.db.ledgerEntry.count()).toBe(spentToday);
    } finally {
      await s.db.budget.deleteMany({ where: { scope: "INSTANCE_DAILY" } });
    }
  });

  it("PUT /api/workspace remembers a team the actor is in on the account (every device), 404 for any other", async () => {
    const { accessOf } = await import("@/lib/server/permissions");
    const { currentWorkspace } = await import("@/lib/server/workspace/current-workspace");
    const workspaceOf = async (user: StudioUser) => currentWorkspace(s.db, await accessOf(s.db, (await s.db.user.findUniqueOrThrow({ where: { id: user.id } })) as never));
    const ok = await r.workspace.PUT(jsonRequest("/api/workspace", "PUT", { teamId }, { cookie: viewer.cookie }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toBeNull(); // nothing per browser
    expect(await workspaceOf(viewer)).toEqual({ kind: "team", teamId });
    expect((await r.workspace.PUT(jsonRequest("/api/workspace", "PUT", { teamId }, { cookie: outsider.cookie }))).status).toBe(404);
    expect(await workspaceOf(outsider)).toEqual({ kind: "personal" });
    // A stored team the actor has left reads as personal.
    await s.db.user.update({ where: { id: outsider.id }, data: { workspaceTeamId: teamId } });
    expect(await workspaceOf(outsider)).toEqual({ kind: "personal" });
    const back = await r.workspace.PUT(jsonRequest("/api/workspace", "PUT", { teamId: null }, { cookie: viewer.cookie }));
    expect(back.status).toBe(200);
    expect(await workspaceOf(viewer)).toEqual({ kind: "personal" });
    expect((await r.workspace.PUT(jsonRequest("/api/workspace", "PUT", { teamId: 5 }, { cookie: viewer.cookie }))).status).toBe(422);
  });
});
