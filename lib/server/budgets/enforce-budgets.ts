import "server-only";
import { fenToYuan } from "@/lib/shared/money";
import type { Db } from "../db";
import { AppError, type ErrorCode } from "../errors";
import { instanceDailyCap, memberLimitOf, teamBudgets } from "./budget-settings";
import { periodOf } from "@/lib/shared/period";
import { spentFen } from "./spend";

// THE budget check of POST /api/generations (docs/reliability.md, "Money and budgets").
//   1. Before the queueing transaction, `loadBudgetLimits` reads which limits apply (a
//      budget saved after this moment applies from the next submit on).
//   2. First in the transaction, `lockBudgetScopes` takes the write locks of exactly those scopes,
//      always in the order instance → team → user, so submits that share a budget run one after the
//      other on SQLite (one writer) and PostgreSQL (row locks), and two submits never deadlock.
//   3. After the locks and before any HOLD, `assertWithinBudgets` sums the spend of each limited
//      scope and refuses (402, naming the budget) when this clip — or a film's whole "generate
//      missing shots" batch, whose subject costs the batch's total — would exceed one; the whole
//      transaction rolls back: no row, no hold, nothing ever reaches the upstream.
// N parallel submits against room for k clips therefore accept exactly k (budget-race.test.ts).
// Without any budget the transaction is just the row and its hold: nothing to lock or sum.
//
// Budgets (model Budget; no row = unlimited; months and days in BUDGET_TIME_ZONE):
//   MEMBER_MONTHLY (teamId, userId)  one member's monthly limit in a team
//   MEMBER_MONTHLY (teamId, null)    the team's default limit for every member without an override
//   TEAM_MONTHLY   (teamId)          the whole team per month
//   INSTANCE_DAILY                   every clip of the instance per day (instance admins)

type BudgetTx = Pick<Db, "ledgerEntry" | "team" | "user" | "setting">;

export interface BudgetSubject {
  userId: string;
  teamId: string | null;
  costFen: number;
}

/** The limits (fen) that apply to a subject; null = unlimited. */
export interface BudgetLimits {
  memberMonthly: number | null;
  teamMonthly: number | null;
  instanceDaily: number | null;
}

interface BudgetCheck {
  code: Extract<ErrorCode, "budget_member_monthly" | "budget_team_monthly" | "budget_instance_daily">;
  limitFen: number;
  spentFen: number;
}

const INSTANCE_LOCK_KEY = "budget.instance.lock";
// Amounts in the budget refusal read "¥1234.50": no thousands separator, unlike formatFen on screen.
const yuan = (fen: number) => `¥${fenToYuan(fen)}`;

function hasLimits(l: BudgetLimits): boolean {
  return l.memberMonthly !== null || l.teamMonthly !== null || l.instanceDaily !== null;
}

/**
 * The limits that apply, read before the transaction (two queries, side by side). Also makes sure the row
 * that serializes instance-wide submits exists (creating it inside the transaction could race into a
 * unique violation, which aborts a PostgreSQL transaction).
 */
export async function loadBudgetLimits(client: Pick<Db, "budget" | "setting">, subject: BudgetSubject): Promise<BudgetLimits> {
  // The same readers the budget settings and the usage page use, so all three agree on which row applies.
  const [team, instanceDaily] = await Promise.all([subject.teamId ? teamBudgets(client, subject.teamId) : null, instanceDailyCap(client)]);
  const limits: BudgetLimits = {
    memberMonthly: team ? memberLimitOf(team, subject.userId) : null,
    teamMonthly: team?.teamMonthlyFen ?? null,
    instanceDaily,
  };
  if (limits.instanceDaily !== null && !(await client.setting.findUnique({ where: { key: INSTANCE_LOCK_KEY }, select: { key: true } }))) {
    try {
      await client.setting.create({ data: { key: INSTANCE_LOCK_KEY, value: new Date().toISOString() } });
    } catch (err) {
      if ((err as { code?: unknown }).code !== "P2002") throw err;
    }
  }
  return limits;
}

/** Write locks of the limited scopes, in the fixed order instance → team → user. */
export async function lockBudgetScopes(tx: BudgetTx, subject: BudgetSubject, limits: BudgetLimits): Promise<void> {
  if (!hasLimits(limits)) return;
  const now = new Date();
  if (limits.instanceDaily !== null) {
    await tx.setting.updateMany({ where: { key: INSTANCE_LOCK_KEY }, data: { value: now.toISOString() } });
  }
  if (subject.teamId && limits.teamMonthly !== null) await tx.team.update({ where: { id: subject.teamId }, data: { updatedAt: now } });
  await tx.user.update({ where: { id: subject.userId }, data: { updatedAt: now } });
}

/** Every budget that would be exceeded by this spend, most specific first (empty = allowed). */
async function budgetOverruns(
  tx: Pick<Db, "ledgerEntry">,
  subject: BudgetSubject,
  limits: BudgetLimits,
  timeZone: string,
  now = new Date(),
): Promise<BudgetCheck[]> {
  const out: BudgetCheck[] = [];
  const month = periodOf("month", now, timeZone);
  if (subject.teamId && limits.memberMonthly !== null) {
    const spent = await spentFen(tx, { teamId: subject.teamId, userId: subject.userId, ...month });
    if (spent + subject.costFen > limits.memberMonthly) out.push({ code: "budget_member_monthly", limitFen: limits.memberMonthly, spentFen: spent });
  }
  if (subject.teamId && limits.teamMonthly !== null) {
    const spent = await spentFen(tx, { teamId: subject.teamId, ...month });
    if (spent + subject.costFen > limits.teamMonthly) out.push({ code: "budget_team_monthly", limitFen: limits.teamMonthly, spentFen: spent });
  }
  if (limits.instanceDaily !== null) {
    const spent = await spentFen(tx, periodOf("day", now, timeZone));
    if (spent + subject.costFen > limits.instanceDaily) out.push({ code: "budget_instance_daily", limitFen: limits.instanceDaily, spentFen: spent });
  }
  return out;
}

/** What a refused spend was: a clip (the default wording) or a platform call of one kind, named in the message. */
export type BudgetSpendKind = "clip" | "CHAT" | "STILL" | "SPEECH";

/** Refuse (402, naming the budget and what would have been spent) when any budget would be exceeded. */
export async function assertWithinBudgets(tx: Pick<Db, "ledgerEntry">, subject: BudgetSubject, limits: BudgetLimits, timeZone: string, what: BudgetSpendKind = "clip"): Promise<void> {
  if (!hasLimits(limits)) return;
  const [first] = await budgetOverruns(tx, subject, limits, timeZone);
  if (first) {
    const vars = { spent: yuan(first.spentFen), limit: yuan(first.limitFen) };
    throw new AppError(first.code, what === "clip" ? { vars } : { vars, messageKey: `errors.${first.code}.${what.toLowerCase() as Lowercase<typeof what>}` });
  }
}
