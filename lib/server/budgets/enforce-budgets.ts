import "server-only";
import type { Db } from "../db";
import { AppError, type ErrorCode } from "../errors";
import { periodOf } from "./period";
import { spentFen } from "./spend";

// THE budget check of POST /api/generations (DESIGN.md rule 9, RELIABILITY C-2/C-3). It runs inside
// the queueing transaction AFTER the generation row and BEFORE its HOLD, and after
// `lockBudgetScopes` took the locks that serialize every submit sharing a budget, so N parallel
// submits against room for k clips accept exactly k on SQLite (one writer) and PostgreSQL (row locks).
// A refusal rolls the whole transaction back: no row, no hold, nothing ever reaches the upstream.
//
// Budgets (model Budget; no row = unlimited; months and days in BUDGET_TIME_ZONE):
//   MEMBER_MONTHLY (teamId, userId)  one member's monthly limit in a team
//   MEMBER_MONTHLY (teamId, null)    the team's default limit for every member without an override
//   TEAM_MONTHLY   (teamId)          the whole team per month
//   INSTANCE_DAILY                   every clip of the instance per day (instance admins)

type BudgetTx = Pick<Db, "budget" | "ledgerEntry" | "team" | "user" | "setting">;

export interface BudgetSubject {
  userId: string;
  teamId: string | null;
  costFen: number;
}

export interface BudgetCheck {
  code: Extract<ErrorCode, "budget_member_monthly" | "budget_team_monthly" | "budget_instance_daily">;
  limitFen: number;
  spentFen: number;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The member budget of `userId` in `teamId`: their override, else the team's default. */
async function memberLimit(tx: BudgetTx, teamId: string, userId: string): Promise<number | null> {
  const rows = await tx.budget.findMany({
    where: { scope: "MEMBER_MONTHLY", teamId, OR: [{ userId }, { userId: null }] },
    select: { userId: true, limitFen: true },
  });
  const own = rows.find((r) => r.userId === userId);
  return (own ?? rows.find((r) => r.userId === null))?.limitFen ?? null;
}

async function instanceDailyLimit(tx: Pick<Db, "budget">): Promise<number | null> {
  const row = await tx.budget.findFirst({ where: { scope: "INSTANCE_DAILY", teamId: null, userId: null }, select: { limitFen: true } });
  return row?.limitFen ?? null;
}

const INSTANCE_LOCK_KEY = "budget.instance.lock";

/**
 * Before the transaction: make sure the row that serializes instance-wide submits exists (creating it
 * inside the transaction could race into a unique violation, which aborts a PostgreSQL transaction).
 */
export async function prepareBudgetLocks(client: Pick<Db, "budget" | "setting">): Promise<void> {
  if ((await instanceDailyLimit(client)) === null) return;
  if (await client.setting.findUnique({ where: { key: INSTANCE_LOCK_KEY }, select: { key: true } })) return;
  try {
    await client.setting.create({ data: { key: INSTANCE_LOCK_KEY, value: new Date().toISOString() } });
  } catch (err) {
    if ((err as { code?: unknown }).code !== "P2002") throw err;
  }
}

/**
 * Take the write locks of every budget this submit is counted against, always in the same order
 * (instance → team → user) so two submits can never deadlock. On SQLite the first write already
 * holds the database's single write lock; on PostgreSQL each update takes that row's lock until commit.
 */
export async function lockBudgetScopes(tx: BudgetTx, subject: BudgetSubject): Promise<void> {
  const now = new Date();
  if ((await instanceDailyLimit(tx)) !== null) {
    await tx.setting.updateMany({ where: { key: INSTANCE_LOCK_KEY }, data: { value: now.toISOString() } });
  }
  if (subject.teamId) await tx.team.update({ where: { id: subject.teamId }, data: { updatedAt: now } });
  await tx.user.update({ where: { id: subject.userId }, data: { updatedAt: now } });
}

/** Every budget that would be exceeded by this clip, most specific first (empty = allowed). */
export async function budgetOverruns(tx: BudgetTx, subject: BudgetSubject, timeZone: string, now = new Date()): Promise<BudgetCheck[]> {
  const out: BudgetCheck[] = [];
  const month = periodOf("month", now, timeZone);
  if (subject.teamId) {
    const member = await memberLimit(tx, subject.teamId, subject.userId);
    if (member !== null) {
      const spent = await spentFen(tx, { teamId: subject.teamId, userId: subject.userId, ...month });
      if (spent + subject.costFen > member) out.push({ code: "budget_member_monthly", limitFen: member, spentFen: spent });
    }
    const team = await tx.budget.findFirst({ where: { scope: "TEAM_MONTHLY", teamId: subject.teamId, userId: null }, select: { limitFen: true } });
    if (team) {
      const spent = await spentFen(tx, { teamId: subject.teamId, ...month });
      if (spent + subject.costFen > team.limitFen) out.push({ code: "budget_team_monthly", limitFen: team.limitFen, spentFen: spent });
    }
  }
  const daily = await instanceDailyLimit(tx);
  if (daily !== null) {
    const spent = await spentFen(tx, periodOf("day", now, timeZone));
    if (spent + subject.costFen > daily) out.push({ code: "budget_instance_daily", limitFen: daily, spentFen: spent });
  }
  return out;
}

/** Refuse (402, naming the budget) when any budget would be exceeded. */
export async function assertWithinBudgets(tx: BudgetTx, subject: BudgetSubject, timeZone: string): Promise<void> {
  const [first] = await budgetOverruns(tx, subject, timeZone);
  if (first) {
    throw new AppError(first.code, { vars: { spent: yuan(first.spentFen), limit: yuan(first.limitFen) } });
  }
}
