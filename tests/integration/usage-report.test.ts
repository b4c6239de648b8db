// Usage report and CSV export through the real handlers on a seeded ledger: two months, several
// members (one of them gone since), three modes, refunds written on a later day, CHARGE rows that must
// not count, another team's and personal clips that must not count, and local-day boundaries in
// BUDGET_TIME_ZONE (Asia/Shanghai, UTC+8: 2025-10-31T16:00Z is already November 1st).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UsageMember as Member, UsageReport as Report } from "@/lib/shared/usage-report-view";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

async function routes() {
  return {
    usage: await import("@/app/api/teams/[teamId]/usage/route"),
    csv: await import("@/app/api/teams/[teamId]/usage/export/route"),
  };
}

type Mode = "TEXT" | "IMAGE" | "START_END";

describe.each(providers())("usage report on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof routes>>;
  let owner: StudioUser, admin: StudioUser, member: StudioUser, viewer: StudioUser, former: StudioUser, outsider: StudioUser;
  let teamId: string;

  /** One clip with its ledger rows written at explicit instants. */
  async function clip(o: { owner: StudioUser; team: string | null; mode: Mode; fen: number; at: string; refundAt?: string; charge?: boolean }) {
    const g = await s.db.generation.create({
      data: {
        ownerId: o.owner.id,
        teamId: o.team,
        mode: o.mode,
        model: "viduq1-text",
        params: {},
        idemKey: randomUUID(),
        paramsHash: "x",
        upstreamRequestId: randomUUID(),
        costFen: o.fen,
        status: o.refundAt ? "FAILED" : "STORED",
        createdAt: new Date(o.at),
      },
    });
    const row = (kind: "HOLD" | "CHARGE" | "REFUND", at: string) => ({ generationId: g.id, userId: o.owner.id, teamId: o.team, kind, amountFen: o.fen, createdAt: new Date(at) });
    await s.db.ledgerEntry.createMany({
      data: [row("HOLD", o.at), ...(o.charge ? [row("CHARGE", o.at)] : []), ...(o.refundAt ? [row("REFUND", o.refundAt)] : [])],
    });
  }

  const usage = (u: StudioUser, qs = "") => r.usage.GET(getRequest(u, `/api/teams/${teamId}/usage${qs}`), ctx({ teamId }));
  const report = async (u: StudioUser, month: string) => {
    const res = await usage(u, `?month=${month}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Report;
  };
  const csv = (u: StudioUser, qs = "") => r.csv.GET(getRequest(u, `/api/teams/${teamId}/usage/export${qs}`), ctx({ teamId }));

  beforeAll(async () => {
    s = await setupStudio(kind, { BUDGET_TIME_ZONE: "Asia/Shanghai" });
    r = await routes();
    owner = await s.user(`owner-u-${kind}@example.test`);
    admin = await s.user(`admin-u-${kind}@example.test`);
    member = await s.user(`member-u-${kind}@example.test`);
    viewer = await s.user(`viewer-u-${kind}@example.test`);
    former = await s.user(`former-u-${kind}@example.test`);
    outsider = await s.user(`outsider-u-${kind}@example.test`);
    await s.db.user.update({ where: { id: member.id }, data: { name: "=HYPERLINK(\"http://evil\",\"x\")" } });
    await s.db.user.update({ where: { id: admin.id }, data: { name: "王, \"小\" 明\n二" } });
    const team = await s.db.team.create({ data: { name: "Studio 北京" } });
    teamId = team.id;
    await s.db.membership.createMany({
      data: [
        { teamId, userId: owner.id, role: "OWNER" },
        { teamId, userId: admin.id, role: "ADMIN" },
        { teamId, userId: member.id, role: "MEMBER" },
        { teamId, userId: viewer.id, role: "VIEWER" },
      ],
    });
    const other = await s.db.team.create({ data: { name: "Other", memberships: { create: { userId: outsider.id, role: "OWNER" } } } });

    // October 2025 (local)
    await clip({ owner: member, team: teamId, mode: "TEXT", fen: 250, at: "2025-10-31T15:59:00Z", charge: true }); // Oct 31 23:59
    await clip({ owner: member, team: teamId, mode: "IMAGE", fen: 300, at: "2025-10-20T02:00:00Z", refundAt: "2025-11-03T02:00:00Z" }); // refund on Nov 3
    // November 2025 (local)
    await clip({ owner: member, team: teamId, mode: "TEXT", fen: 250, at: "2025-10-31T16:00:00Z", charge: true }); // Nov 1 00:00
    await clip({ owner: member, team: teamId, mode: "IMAGE", fen: 300, at: "2025-11-01T10:00:00Z" }); // Nov 1 18:00
    await clip({ owner: admin, team: teamId, mode: "START_END", fen: 400, at: "2025-11-02T03:00:00Z", refundAt: "2025-11-02T04:00:00Z" }); // Nov 2, refunded
    await clip({ owner: admin, team: teamId, mode: "TEXT", fen: 250, at: "2025-11-30T15:30:00Z" }); // Nov 30 23:30
    await clip({ owner: former, team: teamId, mode: "TEXT", fen: 250, at: "2025-11-05T01:00:00Z" }); // former member
    // December 2025 (local): not in November.
    await clip({ owner: admin, team: teamId, mode: "TEXT", fen: 250, at: "2025-11-30T16:10:00Z" }); // Dec 1 00:10
    // Not this team: personal clip of a member, another team's clip.
    await clip({ owner: member, team: null, mode: "TEXT", fen: 999, at: "2025-11-10T01:00:00Z" });
    await clip({ owner: outsider, team: other.id, mode: "TEXT", fen: 777, at: "2025-11-10T01:00:00Z" });

    // Budgets: team 1000, default per member 200, override for member 500.
    await s.db.budget.createMany({
      data: [
        { scope: "TEAM_MONTHLY", teamId, limitFen: 1_000 },
        { scope: "MEMBER_MONTHLY", teamId, limitFen: 200 },
        { scope: "MEMBER_MONTHLY", teamId, userId: member.id, limitFen: 500 },
      ],
    });
  });
  afterAll(async () => s?.drop());

  it("November: per member per local day, refunds on their own day, day boundaries, former members, budgets", async () => {
    const rep = await report(owner, "2025-11");
    expect(rep).toMatchObject({ month: "2025-11", timeZone: "Asia/Shanghai", currentMonth: false, prevMonth: "2025-10", nextMonth: "2025-12" });
    expect(rep.days).toHaveLength(30);
    expect(rep.days[0]).toBe("2025-11-01");
    expect(rep.days.at(-1)).toBe("2025-11-30");
    const by = new Map(rep.members.map((m) => [m.userId, m]));
    const nonZero = (m: Member) => Object.fromEntries(Object.entries(m.perDay).filter(([, v]) => v !== 0));
    const m = by.get(member.id)!;
    expect(nonZero(m)).toEqual({ "2025-11-01": 550, "2025-11-03": -300 });
    expect(m).toMatchObject({ totalFen: 250, clips: 2, limitFen: 500, remainingFen: 250, member: true });
    expect(m.clipsPerDay["2025-11-01"]).toBe(2);
    const a = by.get(admin.id)!;
    expect(nonZero(a)).toEqual({ "2025-11-30": 250 });
    expect(a.perDay["2025-11-02"]).toBe(0);
    expect(a).toMatchObject({ totalFen: 250, clips: 1, limitFen: 200, remainingFen: 0 });
    expect(by.get(former.id)).toMatchObject({ totalFen: 250, clips: 1, member: false, limitFen: null, remainingFen: null });
    expect(by.get(viewer.id)).toMatchObject({ totalFen: 0, clips: 0, limitFen: 200, remainingFen: 200 });
    expect(by.has(outsider.id)).toBe(false);
    // Former members are listed last.
    expect(rep.members.at(-1)!.userId).toBe(former.id);
    expect(rep.team).toEqual({ spentFen: 750, limitFen: 1_000, remainingFen: 250 });
    expect(rep.perMode).toEqual([
      { mode: "text", clips: 3, fen: 750 },
      { mode: "image", clips: 1, fen: 0 },
      { mode: "start-end", clips: 0, fen: 0 },
    ]);
    expect(rep.perMode.reduce((x, p) => x + p.fen, 0)).toBe(rep.team.spentFen);
  });

  it("October and December: the other side of each boundary", async () => {
    const oct = await report(admin, "2025-10");
    expect(oct.days).toHaveLength(31);
    const m = oct.members.find((x) => x.userId === member.id)!;
    expect(m.perDay["2025-10-31"]).toBe(250);
    expect(m.perDay["2025-10-20"]).toBe(300);
    expect(m.clipsPerDay["2025-10-20"]).toBe(0); // refunded later: cost nothing in the end
    expect(m).toMatchObject({ totalFen: 550, clips: 1 });
    expect(oct.team.spentFen).toBe(550);
    expect(oct.members.some((x) => x.userId === former.id)).toBe(false);
    const dec = await report(owner, "2025-12");
    expect(dec.team.spentFen).toBe(250);
    expect(dec.members.find((x) => x.userId === admin.id)!.perDay["2025-12-01"]).toBe(250);
  });

  it("defaults to the current month; instanceToday counts every team and personal clip of today", async () => {
    const res = await usage(owner);
    const rep = (await res.json()) as Report;
    expect(rep.currentMonth).toBe(true);
    expect(rep.month).toMatch(/^\d{4}-\d{2}$/);
    expect(rep.instanceToday).toEqual({ day: expect.any(String), spentFen: 0, limitFen: null, remainingFen: null });
    await clip({ owner: outsider, team: null, mode: "TEXT", fen: 123, at: new Date().toISOString() });
    await s.db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: 1_000 } });
    const again = (await (await usage(owner)).json()) as Report;
    expect(again.instanceToday).toMatchObject({ spentFen: 123, limitFen: 1_000, remainingFen: 877 });
    expect(again.team.spentFen).toBe(0);
  });

  it("permissions and validation: member/viewer 403, outsider 404, bad month 422", async () => {
    for (const u of [member, viewer]) {
      for (const res of [await usage(u, "?month=2025-11"), await csv(u, "?month=2025-11")]) {
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("team_role_forbidden");
      }
    }
    for (const res of [await usage(outsider), await csv(outsider), await usage(former)]) expect(res.status).toBe(404);
    for (const bad of ["2025-13", "2025-1", "25-11", "2025-11-01", "x"]) {
      const res = await usage(owner, `?month=${bad}`);
      expect(res.status, bad).toBe(422);
      const body = (await res.json()) as { error: { fields: { path: string; key: string; messages: Record<string, string> }[] } };
      expect(body.error.fields[0]).toMatchObject({ path: "month", key: "errors.field.month" });
      expect(body.error.fields[0]!.messages["zh-CN"]).toMatch(/月份/);
    }
  });

  it("CSV: BOM, content type, attachment name, one row per member and active day, escaped names, per-mode section", async () => {
    const res = await csv(admin, "?month=2025-11");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toContain('attachment; filename="usage-Studio-2025-11.csv"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("usage-Studio 北京-2025-11.csv")}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFdate,member_email,member_name,clips,spent_yuan\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines).toContain(`2025-11-01,member-u-${kind}@example.test,"'=HYPERLINK(""http://evil"",""x"")",2,5.50`);
    expect(lines).toContain(`2025-11-03,member-u-${kind}@example.test,"'=HYPERLINK(""http://evil"",""x"")",0,-3.00`);
    expect(text).toContain(`2025-11-30,admin-u-${kind}@example.test,"王, ""小"" 明\n二",1,2.50\r\n`);
    expect(lines).toContain(`2025-11-05,former-u-${kind}@example.test,,1,2.50`);
    // No row for a member-day without activity (the admin's refunded Nov 2 nets to 0 with 0 clips).
    expect(text).not.toContain(`2025-11-02,admin-u-${kind}@example.test`);
    expect(text).toContain("\r\n\r\nmode,clips,spent_yuan\r\ntext,3,7.50\r\nimage,1,0.00\r\nstart-end,0,0.00\r\ntotal,4,7.50\r\n");
    // Spend by kind of call follows, the same figures as the report's perKind, with their total.
    const report = (await (await usage(admin, "?month=2025-11")).json()) as { perKind: { kind: string; fen: number }[] };
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const kindRows = report.perKind.map((k) => `${k.kind},${yuan(k.fen)}`).join("\r\n");
    expect(text).toContain(`\r\n\r\nkind,spent_yuan\r\n${kindRows}\r\ntotal,${yuan(report.perKind.reduce((a, k) => a + k.fen, 0))}\r\n`);
    expect(report.perKind.map((k) => k.kind)).toEqual(["video", "chat", "still", "speech"]);
    // Never a raw formula at the start of a field.
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
