import "server-only";
import { z } from "zod";
import { SPEND_KINDS, type SpendKind, type UsageMember, type UsageReport } from "@/lib/shared/usage-report-view";
import type { Db } from "../db";
import { env } from "../env";
import { MODE_OF_DB } from "@/lib/shared/generation-mode";
import { instanceDailyCap, memberLimitOf, remainingOf, teamBudgets } from "./budget-settings";
import { localDay, localMidnight, periodOf } from "@/lib/shared/period";
import { spentFen } from "./spend";

// The usage report of one team and one month: spend per member per local day, per mode, per
// kind of call (video / chat / still / speech), and what is left of each budget. Counted from the team's ledger rows (LedgerEntry.teamId): spend
// = HOLD − REFUND, bucketed by the local day (BUDGET_TIME_ZONE) on which each row was written — the
// same rule as spend.ts, so the month's total equals what the budgets count. A refund written on a
// later day lowers that later day (a day can be negative). `clips` counts HOLDs of the bucket whose
// clip has no REFUND (clips that cost money). Aggregation happens in the database: one groupBy per
// day and per mode (about 2 × 31 + 6 small indexed queries), never one row per clip.

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "errors.field.month");

function currentMonth(now: Date, timeZone: string): string {
  return localDay(now, timeZone).slice(0, 7);
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** The local days of `month` and the UTC instants of their midnights (one more than days: the end). */
export function monthDays(month: string, timeZone: string): { days: string[]; bounds: Date[] } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const days: string[] = [];
  const bounds: Date[] = [];
  for (let d = 1; d <= n; d++) {
    days.push(`${month}-${String(d).padStart(2, "0")}`);
    bounds.push(localMidnight(timeZone, y, m, d));
  }
  bounds.push(m === 12 ? localMidnight(timeZone, y + 1, 1, 1) : localMidnight(timeZone, y, m + 1, 1));
  return { days, bounds };
}

type Client = Pick<Db, "ledgerEntry" | "membership" | "user" | "budget" | "team">;

const MODES = ["TEXT", "IMAGE", "START_END"] as const;
const NOT_REFUNDED = { generation: { ledger: { none: { kind: "REFUND" as const } } } };

const KIND_WHERE: Record<SpendKind, object> = {
  video: { generationId: { not: null } },
  chat: { call: { is: { kind: "CHAT" } } },
  still: { call: { is: { kind: "STILL" } } },
  speech: { call: { is: { kind: "SPEECH" } } },
};

function signed(kind: string, amount: number | null): number {
  return (kind === "HOLD" ? 1 : -1) * (amount ?? 0);
}

export async function usageReport(client: Client, teamId: string, month: string | undefined, now = new Date()): Promise<UsageReport> {
  const timeZone = env().BUDGET_TIME_ZONE;
  const thisMonth = currentMonth(now, timeZone);
  const m = month ?? thisMonth;
  const { days, bounds } = monthDays(m, timeZone);
  const monthRange = { gte: bounds[0]!, lt: bounds[days.length]! };
  const moneyKinds = { in: ["HOLD", "REFUND"] as ("HOLD" | "REFUND")[] };

  const perDayQueries = days.map((_, i) => {
    const createdAt = { gte: bounds[i]!, lt: bounds[i + 1]! };
    return Promise.all([
      client.ledgerEntry.groupBy({
        by: ["userId", "kind"],
        where: { teamId, kind: moneyKinds, createdAt },
        _sum: { amountFen: true },
      }),
      client.ledgerEntry.groupBy({
        by: ["userId"],
        where: { teamId, kind: "HOLD", createdAt, ...NOT_REFUNDED },
        _count: { _all: true },
      }),
    ]);
  });
  const perModeQueries = MODES.map((mode) =>
    Promise.all([
      client.ledgerEntry.groupBy({
        by: ["kind"],
        where: { teamId, kind: moneyKinds, createdAt: monthRange, generation: { mode } },
        _sum: { amountFen: true },
      }),
      client.ledgerEntry.count({
        where: { teamId, kind: "HOLD", createdAt: monthRange, generation: { mode, ledger: { none: { kind: "REFUND" } } } },
      }),
    ]),
  );
  // Spend by kind: video rows belong to a take, the others to a call of that kind (ledger.ts).
  const perKindQueries = SPEND_KINDS.map((kind) =>
    client.ledgerEntry.groupBy({
      by: ["kind"],
      where: { teamId, kind: moneyKinds, createdAt: monthRange, ...KIND_WHERE[kind] },
      _sum: { amountFen: true },
    }),
  );
  const today = periodOf("day", now, timeZone);
  const [team, memberships, budgets, cap, instanceSpent, dayRows, modeRows, kindRows] = await Promise.all([
    client.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } }),
    client.membership.findMany({
      where: { teamId },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
    teamBudgets(client, teamId),
    instanceDailyCap(client),
    spentFen(client, { start: today.start, end: today.end }),
    Promise.all(perDayQueries),
    Promise.all(perModeQueries),
    Promise.all(perKindQueries),
  ]);

  const byUser = new Map<string, UsageMember>();
  const blank = (userId: string, name: string | null, email: string, member: boolean): UsageMember => ({
    userId,
    name,
    email,
    member,
    perDay: Object.fromEntries(days.map((d) => [d, 0])),
    clipsPerDay: Object.fromEntries(days.map((d) => [d, 0])),
    totalFen: 0,
    clips: 0,
    limitFen: null,
    remainingFen: null,
  });
  for (const { user } of memberships) byUser.set(user.id, blank(user.id, user.name, user.email, true));

  // People who spent in the month and are no longer members still appear (their spend counted).
  const formerIds = new Set<string>();
  for (const [money, clips] of dayRows) {
    for (const r of [...money, ...clips]) if (!byUser.has(r.userId)) formerIds.add(r.userId);
  }
  if (formerIds.size) {
    const users = await client.user.findMany({ where: { id: { in: [...formerIds] } }, select: { id: true, name: true, email: true } });
    for (const u of users) byUser.set(u.id, blank(u.id, u.name, u.email, false));
  }

  dayRows.forEach(([money, clips], i) => {
    const day = days[i]!;
    for (const r of money) {
      const u = byUser.get(r.userId);
      if (!u) continue;
      const fen = signed(r.kind, r._sum.amountFen);
      u.perDay[day]! += fen;
      u.totalFen += fen;
    }
    for (const r of clips) {
      const u = byUser.get(r.userId);
      if (!u) continue;
      u.clipsPerDay[day]! += r._count._all;
      u.clips += r._count._all;
    }
  });

  let teamSpent = 0;
  const members = [...byUser.values()];
  for (const u of members) {
    teamSpent += u.totalFen;
    if (u.member) {
      u.limitFen = memberLimitOf(budgets, u.userId);
      u.remainingFen = remainingOf(u.limitFen, u.totalFen);
    }
  }
  members.sort((a, b) => Number(b.member) - Number(a.member) || (a.name ?? a.email).localeCompare(b.name ?? b.email) || a.email.localeCompare(b.email));

  return {
    teamId,
    teamName: team.name,
    month: m,
    timeZone,
    currentMonth: m === thisMonth,
    prevMonth: shiftMonth(m, -1),
    nextMonth: shiftMonth(m, 1),
    days,
    members,
    perMode: MODES.map((mode, i) => {
      const [money, clips] = modeRows[i]!;
      return { mode: MODE_OF_DB[mode], clips, fen: money.reduce((s, r) => s + signed(r.kind, r._sum.amountFen), 0) };
    }),
    perKind: SPEND_KINDS.map((kind, i) => ({ kind, fen: kindRows[i]!.reduce((sum, r) => sum + signed(r.kind, r._sum.amountFen), 0) })),
    team: { spentFen: teamSpent, limitFen: budgets.teamMonthlyFen, remainingFen: remainingOf(budgets.teamMonthlyFen, teamSpent) },
    instanceToday: { day: localDay(now, timeZone), spentFen: instanceSpent, limitFen: cap, remainingFen: remainingOf(cap, instanceSpent) },
  };
}
