import "server-only";
import { formatFen } from "@/lib/shared/money";
import { REPEAT_WINDOW_MS } from "@/lib/shared/generation-schemas";
import { type Db, type DbProvider } from "../db";
import { lockForTransaction } from "../db/transaction-lock";
import { AppError } from "../errors";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// "Spending only on purpose": the same submission (same owner, workspace, mode, prompt, parameters and
// images — the params hash) arriving with a NEW Idempotency-Key within REPEAT_WINDOW_MS of the last
// one is refused with 409 repeat_submission unless the caller confirmed it. The Idempotency-Key
// already makes a retry of one intent one clip; this guard catches a second intent that is most
// likely an accident (a second tab, a script, a click after the first one was accepted).
//
// It runs inside the create transaction so two racing submits cannot both pass: on PostgreSQL an
// advisory lock per owner serializes them before the insert (READ COMMITTED would let both read "no
// earlier row"); on SQLite the insert already holds the one write lock when the check reads.

/** Call first in the transaction: on PostgreSQL, waits for any other guarded submit of this owner. */
export async function lockRepeatGuard(tx: Tx, provider: DbProvider, ownerId: string): Promise<void> {
  await lockForTransaction(tx, provider, `framehouse.repeat.${ownerId}`);
}

/** Call after inserting the new take `id`: refuses when another take with the same hash is that recent. */
export async function assertNotRepeat(tx: Tx, take: { id: string; ownerId: string; paramsHash: string; costFen: number }, now = new Date()): Promise<void> {
  const earlier = await tx.generation.findFirst({
    where: {
      ownerId: take.ownerId,
      paramsHash: take.paramsHash,
      id: { not: take.id },
      createdAt: { gte: new Date(now.getTime() - REPEAT_WINDOW_MS) },
    },
    select: { id: true },
  });
  if (earlier) throw new AppError("repeat_submission", { vars: { price: formatFen(take.costFen) } });
}
