import "server-only";
import type { PutTeamBudget, TeamBudgetKey } from "@/lib/shared/budget-schemas";
import type { BudgetChangeResult, BudgetScope, InstanceBudgetView, TeamBudgetView } from "@/lib/shared/budget-views";
import type { Db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db/unique-violation";
import { writeTransaction } from "../db/retry";
import { env } from "../env";
import { localDay, periodOf } from "@/lib/shared/period";
import { spentFen } from "./spend";

// Setting and clearing budgets. Enforcement is enforce-budgets.ts; this module only writes
// the Budget rows and reports them. Rows:
//   TEAM_MONTHLY   (teamId, userId null)  the team's monthly limit
//   MEMBER_MONTHLY (teamId, userId null)  the team's default per-member monthly limit
//   MEMBER_MONTHLY (teamId, userId)       an override for one member
//   INSTANCE_DAILY (null, null)           the instance-wide daily cap (instance admins)
// No row = unlimited; 0 = nothing may be spent. Amounts are integer fen.
//
// The unique index (scope, teamId, userId) does not stop duplicates when a column is NULL (NULLs are
// distinct in SQLite and PostgreSQL), so a new row gets a deterministic primary key derived from its
// scope: two concurrent first-time PUTs collide on the id (P2002) and the loser retries as an update.

interface BudgetKey {
  scope: BudgetScope;
  teamId: string | null;
  userId: string | null;
}

function budgetIdOf(k: BudgetKey): string {
  return `budget_${k.scope.toLowerCase()}_${k.teamId ?? "instance"}_${k.userId ?? "default"}`;
}

interface ChangeContext {
  actorId: string;
  ip?: string | null;
}

/** Reads the row of one key (the oldest if an older writer left duplicates). */
async function findRow(client: Pick<Db, "budget">, k: BudgetKey) {
  return client.budget.findFirst({
    where: { scope: k.scope, teamId: k.teamId, userId: k.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, limitFen: true },
  });
}

async function writeOnce(client: Db, k: BudgetKey, limit: number | null, ctx: ChangeContext): Promise<Omit<BudgetChangeResult, "spentFen">> {
  return writeTransaction(client, async (tx) => {
    const prev = await findRow(tx, k);
    const previousFen = prev?.limitFen ?? null;
    const base = { scope: k.scope, userId: k.userId, limitFen: limit, previousFen };
    if (previousFen === limit) return { ...base, changed: false };
    let id: string;
    if (limit === null) {
      // Clear every row of the key (duplicates from a non-deterministic writer included).
      await tx.budget.deleteMany({ where: { scope: k.scope, teamId: k.teamId, userId: k.userId } });
      id = prev!.id;
    } else if (prev) {
      await tx.budget.update({ where: { id: prev.id }, data: { limitFen: limit } });
      id = prev.id;
    } else {
      id = budgetIdOf(k);
      await tx.budget.create({ data: { id, scope: k.scope, teamId: k.teamId, userId: k.userId, limitFen: limit } });
    }
    await recordAudit(tx, {
      teamId: k.teamId,
      actorId: ctx.actorId,
      action: limit === null ? "budget.clear" : "budget.set",
      targetType: "budget",
      targetId: id,
      data: { scope: k.scope, userId: k.userId, limitFen: limit, previousFen },
      ip: ctx.ip ?? null,
    });
    return { ...base, changed: true };
  });
}

/** Sets (limit ≥ 0) or clears (null) one budget; writes budget.set / budget.clear in the same transaction.
 *  Unchanged values write nothing and no audit event. */
async function writeBudget(client: Db, k: BudgetKey, limit: number | null, ctx: ChangeContext): Promise<BudgetChangeResult> {
  let result: Omit<BudgetChangeResult, "spentFen">;
  try {
    result = await writeOnce(client, k, limit, ctx);
  } catch (err) {
    // A concurrent first-time create won the deterministic id: this attempt becomes an update.
    if (!isUniqueViolation(err)) throw err;
    result = await writeOnce(client, k, limit, ctx);
  }
  return { ...result, spentFen: await periodSpend(client, k) };
}

/** What the budget of key `k` has already counted in its current period (the enforcement's own periods). */
async function periodSpend(client: Pick<Db, "ledgerEntry">, k: BudgetKey, now = new Date()): Promise<number | null> {
  const timeZone = env().BUDGET_TIME_ZONE;
  if (k.scope === "INSTANCE_DAILY") return spentFen(client, periodOf("day", now, timeZone));
  if (!k.teamId) return null;
  if (k.scope === "TEAM_MONTHLY") return spentFen(client, { teamId: k.teamId, ...periodOf("month", now, timeZone) });
  return k.userId ? spentFen(client, { teamId: k.teamId, userId: k.userId, ...periodOf("month", now, timeZone) }) : null;
}

/** A member override must name a current member of the team (422 otherwise). */
async function assertMember(client: Pick<Db, "membership">, teamId: string, userId: string): Promise<void> {
  const m = await client.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { id: true } });
  if (!m) throw new AppError("validation_failed", { fields: [{ path: "userId", key: "errors.field.budget_not_member" }] });
}

/** The caller has already checked team.manageBudgets. */
export async function setTeamBudget(client: Db, teamId: string, body: PutTeamBudget, ctx: ChangeContext): Promise<BudgetChangeResult> {
  const uid = body.scope === "MEMBER_MONTHLY" ? (body.userId ?? null) : null;
  if (uid) await assertMember(client, teamId, uid);
  return writeBudget(client, { scope: body.scope, teamId, userId: uid }, body.limitFen, ctx);
}

/** Clearing an override of a former member is allowed (cleaning up), so no membership check here. */
export async function clearTeamBudget(client: Db, teamId: string, key: TeamBudgetKey, ctx: ChangeContext): Promise<BudgetChangeResult> {
  const uid = key.scope === "MEMBER_MONTHLY" ? (key.userId ?? null) : null;
  return writeBudget(client, { scope: key.scope, teamId, userId: uid }, null, ctx);
}

export function setInstanceDailyCap(client: Db, limit: number | null, ctx: ChangeContext): Promise<BudgetChangeResult> {
  return writeBudget(client, { scope: "INSTANCE_DAILY", teamId: null, userId: null }, limit, ctx);
}

export interface TeamBudgets {
  teamMonthlyFen: number | null;
  memberDefaultFen: number | null;
  /** userId → override (fen). */
  memberOverrides: Map<string, number>;
}

/** All budget rows of a team in one query (the oldest row wins if duplicates exist). */
export async function teamBudgets(client: Pick<Db, "budget">, teamId: string): Promise<TeamBudgets> {
  const rows = await client.budget.findMany({
    where: { teamId, scope: { in: ["TEAM_MONTHLY", "MEMBER_MONTHLY"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { scope: true, userId: true, limitFen: true },
  });
  const out: TeamBudgets = { teamMonthlyFen: null, memberDefaultFen: null, memberOverrides: new Map() };
  // Newest first, so the oldest row of a key is written last and wins (same as findRow).
  for (const r of rows) {
    if (r.scope === "TEAM_MONTHLY" && r.userId === null) out.teamMonthlyFen = r.limitFen;
    else if (r.scope === "MEMBER_MONTHLY" && r.userId === null) out.memberDefaultFen = r.limitFen;
    else if (r.scope === "MEMBER_MONTHLY" && r.userId) out.memberOverrides.set(r.userId, r.limitFen);
  }
  return out;
}

/** The limit that applies to one member: their override, else the team default, else none. */
export function memberLimitOf(b: TeamBudgets, userId: string): number | null {
  return b.memberOverrides.get(userId) ?? b.memberDefaultFen;
}

export async function instanceDailyCap(client: Pick<Db, "budget">): Promise<number | null> {
  return (await findRow(client, { scope: "INSTANCE_DAILY", teamId: null, userId: null }))?.limitFen ?? null;
}

export function remainingOf(limit: number | null, spent: number): number | null {
  return limit === null ? null : Math.max(0, limit - spent);
}

export async function teamBudgetView(client: Pick<Db, "budget" | "membership">, teamId: string): Promise<TeamBudgetView> {
  const [b, memberships] = await Promise.all([
    teamBudgets(client, teamId),
    client.membership.findMany({
      where: { teamId },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const memberIds = new Set(memberships.map((m) => m.user.id));
  return {
    teamMonthlyFen: b.teamMonthlyFen,
    memberDefaultFen: b.memberDefaultFen,
    members: memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      overrideFen: b.memberOverrides.get(m.user.id) ?? null,
      limitFen: memberLimitOf(b, m.user.id),
    })),
    formerOverrides: [...b.memberOverrides].filter(([id]) => !memberIds.has(id)).map(([userId, limitFen]) => ({ userId, limitFen })),
  };
}

/** The instance cap with today's instance-wide spend (every team and personal clip). */
export async function instanceBudgetView(client: Pick<Db, "budget" | "ledgerEntry">, now = new Date()): Promise<InstanceBudgetView> {
  const timeZone = env().BUDGET_TIME_ZONE;
  const today = periodOf("day", now, timeZone);
  const [limitFen, spent] = await Promise.all([instanceDailyCap(client), spentFen(client, today)]);
  return { day: localDay(now, timeZone), timeZone, limitFen, spentFen: spent, remainingFen: remainingOf(limitFen, spent) };
}
