import "server-only";
import type { Db } from "../db";

// Spend = HOLD − REFUND (ledger.ts): money committed the moment a clip is queued, given back once
// when it ends without a video. Budgets and the usage page both count it here, over ledger rows
// whose createdAt falls in [start, end) — a refund counts in the period it was written.

export interface SpendScope {
  /** undefined = any team or none; null = personal clips only. */
  teamId?: string | null;
  userId?: string;
  start: Date;
  end: Date;
}

export async function spentFen(client: Pick<Db, "ledgerEntry">, scope: SpendScope): Promise<number> {
  const rows = await client.ledgerEntry.groupBy({
    by: ["kind"],
    where: {
      kind: { in: ["HOLD", "REFUND"] },
      createdAt: { gte: scope.start, lt: scope.end },
      ...(scope.teamId !== undefined ? { teamId: scope.teamId } : {}),
      ...(scope.userId !== undefined ? { userId: scope.userId } : {}),
    },
    _sum: { amountFen: true },
  });
  let total = 0;
  for (const r of rows) total += (r.kind === "HOLD" ? 1 : -1) * (r._sum.amountFen ?? 0);
  return total;
}
