import "server-only";
import type { BudgetLeft, BudgetsLeftView } from "@/lib/shared/budget-views";
import { periodOf } from "@/lib/shared/period";
import type { Db } from "../db";
import { env } from "../env";
import { instanceDailyCap, memberLimitOf, remainingOf, teamBudgets } from "./budget-settings";
import { spentFen } from "./spend";

// What is left of every budget a new clip in a workspace would count against, shown next to Generate
// before the click. The same rows and periods enforce-budgets.ts checks, read without its locks: a
// figure for the eye, not a promise (the submit re-checks inside its transaction).

export async function budgetsLeft(client: Pick<Db, "budget" | "ledgerEntry">, userId: string, teamId: string | null, now = new Date()): Promise<BudgetsLeftView> {
  const timeZone = env().BUDGET_TIME_ZONE;
  const month = periodOf("month", now, timeZone);
  const [team, instanceDaily] = await Promise.all([teamId ? teamBudgets(client, teamId) : null, instanceDailyCap(client)]);
  const wanted: { scope: BudgetLeft["scope"]; limitFen: number | null; spent: () => Promise<number> }[] = [];
  if (team && teamId) {
    wanted.push({ scope: "MEMBER_MONTHLY", limitFen: memberLimitOf(team, userId), spent: () => spentFen(client, { teamId, userId, ...month }) });
    wanted.push({ scope: "TEAM_MONTHLY", limitFen: team.teamMonthlyFen, spent: () => spentFen(client, { teamId, ...month }) });
  }
  wanted.push({ scope: "INSTANCE_DAILY", limitFen: instanceDaily, spent: () => spentFen(client, periodOf("day", now, timeZone)) });
  const items = await Promise.all(
    wanted
      .filter((w): w is typeof w & { limitFen: number } => w.limitFen !== null)
      .map(async (w) => {
        const spent = await w.spent();
        return { scope: w.scope, limitFen: w.limitFen, spentFen: spent, remainingFen: remainingOf(w.limitFen, spent) ?? 0 };
      }),
  );
  return { timeZone, items };
}
