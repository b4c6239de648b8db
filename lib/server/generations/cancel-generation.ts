import "server-only";
import type { Actor } from "../auth/session";
import type { Db } from "../db";
import { AppError } from "../errors";
import { accessOf, assertMay, canCancel } from "../permissions";
import { TX_OPTIONS, withWriteRetry } from "./write-retry";

// POST /api/generations/:id/cancel. Only a QUEUED clip can be cancelled: nothing was sent upstream,
// so nothing can be charged. The status change is a conditional update (WHERE status = 'QUEUED'),
// the same guard the worker's claim uses, so exactly one of {cancel, claim} wins a race; the loser
// sees count 0 (cancel → 409 not_cancellable). The refund is written in the same transaction,
// only by the winner, so it exists exactly once.

export async function cancelGeneration(client: Db, actor: Actor, id: string): Promise<void> {
  const access = await accessOf(client, actor);
  const row = assertMay(
    access,
    await client.generation.findUnique({ where: { id }, select: { id: true, ownerId: true, teamId: true, deletedAt: true, costFen: true } }),
    canCancel,
  );

  const won = await withWriteRetry(() =>
    client.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.generation.updateMany({
        where: { id, status: "QUEUED" },
        data: {
          status: "CANCELLED",
          errorCode: "cancelled",
          finishedAt: now,
          leaseOwner: null,
          leaseUntil: null,
          version: { increment: 1 },
        },
      });
      if (count !== 1) return false;
      await tx.ledgerEntry.create({
        data: { generationId: id, userId: row.ownerId, teamId: row.teamId, kind: "REFUND", amountFen: row.costFen, reason: "cancelled" },
      });
      return true;
    }, TX_OPTIONS),
  );
  if (!won) throw new AppError("not_cancellable");
}
