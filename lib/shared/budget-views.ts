// What the budget routes answer and the budget editors show. Amounts are integer fen; null = no limit.

export type BudgetScope = "TEAM_MONTHLY" | "MEMBER_MONTHLY" | "INSTANCE_DAILY";

/** The answer to setting or clearing one budget (PUT/DELETE). */
export interface BudgetChangeResult {
  scope: BudgetScope;
  userId: string | null;
  limitFen: number | null;
  previousFen: number | null;
  changed: boolean;
  /** What was already spent in the budget's current period (today for the daily cap, this month
   *  otherwise), so a limit set below it can say so; null for the per-member default (no one payer). */
  spentFen: number | null;
}

export interface TeamBudgetView {
  teamMonthlyFen: number | null;
  memberDefaultFen: number | null;
  /** Current members with the limit that applies to each (override, else default, else null). */
  members: { userId: string; name: string | null; email: string; role: string; overrideFen: number | null; limitFen: number | null }[];
  /** Overrides of people who are no longer members (clear them with DELETE). */
  formerOverrides: { userId: string; limitFen: number }[];
}

export interface InstanceBudgetView {
  day: string;
  timeZone: string;
  limitFen: number | null;
  spentFen: number;
  remainingFen: number | null;
}

/** One budget a new clip would count against, with what is left of it in its current period. */
export interface BudgetLeft {
  scope: BudgetScope;
  limitFen: number;
  spentFen: number;
  remainingFen: number;
}

/** GET /api/workspace/budget: the limited budgets of a workspace for the signed-in user (none = unlimited). */
export interface BudgetsLeftView {
  timeZone: string;
  items: BudgetLeft[];
}
