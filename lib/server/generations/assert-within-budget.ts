import "server-only";
import type { Actor } from "../auth/session";
import type { Db } from "../db";
import { AppError } from "../errors";

// THE budget seam (DESIGN.md rule 9, RELIABILITY C-2/C-3). Budgets arrive with the teams issue;
// until then no limit applies. The refusal path is already wired: create-generation calls this inside
// the queueing transaction after it took the per-user row lock, so two submits of one user are
// checked one after the other on SQLite and PostgreSQL alike. Tests inject a stub limit.

type BudgetClient = Pick<Db, "ledgerEntry">;

/** The limit (fen) that applies to `actor`, or null for "unlimited". */
export type BudgetLimitLookup = (tx: BudgetClient, actor: Actor) => Promise<number | null>;

/** Today's policy: no budgets configured anywhere. The teams issue replaces this lookup. */
export const noBudgetLimit: BudgetLimitLookup = async () => null;

/** Money an actor has committed: every HOLD minus every REFUND (a STORED clip keeps its hold). */
export async function committedFen(tx: BudgetClient, userId: string): Promise<number> {
  const rows = await tx.ledgerEntry.groupBy({
    by: ["kind"],
    where: { userId, kind: { in: ["HOLD", "REFUND"] } },
    _sum: { amountFen: true },
  });
  let total = 0;
  for (const r of rows) total += (r.kind === "HOLD" ? 1 : -1) * (r._sum.amountFen ?? 0);
  return total;
}

export async function assertWithinBudget(
  tx: BudgetClient,
  actor: Actor,
  costFen: number,
  limitOf: BudgetLimitLookup = noBudgetLimit,
): Promise<void> {
  const limit = await limitOf(tx, actor);
  if (limit === null) return;
  const committed = await committedFen(tx, actor.id);
  if (committed + costFen > limit) {
    throw new AppError("budget_exceeded", { vars: { limitFen: limit, committedFen: committed } });
  }
}
