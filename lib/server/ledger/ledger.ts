import "server-only";
import type { Db } from "../db";
import { isUniqueViolation } from "../db/unique-violation";

/*
 * Money ledger of one take (docs/reliability.md, "Money adds up"). Amounts are in fen.
 *
 *   HOLD    written in the same transaction that queues the take (create-generation), amount = costFen.
 *           It counts against budgets from that moment on.
 *   CHARGE  written when the upstream ACCEPTED the create (the video job's submit step, through the
 *           runner's ledger hook). Reconciliation: CHARGE rows == creates the upstream accepted.
 *   REFUND  written once when the take ends without a video (REJECTED / FAILED / EXPIRED / ORPHANED /
 *           CANCELLED), always through the runner's ledger hook, whoever ended it. amount = costFen.
 *
 * Each kind exists at most once per generation: the unique index (generationId, kind) is the
 * guard, and a P2002 on insert means "already done" — so every helper is safe to call again after a
 * crash or from a second process. Spend of a clip = HOLD − REFUND (a STORED clip keeps its hold).
 */

type LedgerKind = "HOLD" | "CHARGE" | "REFUND";

/** A client or an interactive-transaction client: both expose the same delegates. */
type LedgerClient = Pick<Db, "ledgerEntry" | "generation">;

interface LedgerSubject {
  id: string;
  ownerId: string;
  teamId: string | null;
  costFen: number;
}

async function insertOnce(client: LedgerClient, subject: LedgerSubject, kind: LedgerKind, reason?: string): Promise<boolean> {
  try {
    await client.ledgerEntry.create({
      data: {
        generationId: subject.id,
        userId: subject.ownerId,
        teamId: subject.teamId,
        kind,
        amountFen: subject.costFen,
        reason: reason ?? null,
      },
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

async function subjectOf(client: LedgerClient, generationId: string): Promise<LedgerSubject> {
  return client.generation.findUniqueOrThrow({
    where: { id: generationId },
    select: { id: true, ownerId: true, teamId: true, costFen: true },
  });
}

/**
 * HOLD inside the queueing transaction. Not "P2002-tolerant" on purpose: inside a PostgreSQL
 * transaction a failed insert aborts the transaction, and a fresh generation can't have a hold yet.
 */
export async function hold(tx: LedgerClient, generation: LedgerSubject): Promise<void> {
  await tx.ledgerEntry.create({
    data: {
      generationId: generation.id,
      userId: generation.ownerId,
      teamId: generation.teamId,
      kind: "HOLD",
      amountFen: generation.costFen,
    },
  });
}

/**
 * CHARGE once the upstream accepted the create. Returns true when this call wrote the row, false
 * when it already existed. Call it outside an interactive transaction on PostgreSQL (P2002 aborts one).
 */
export async function charge(client: LedgerClient, generationId: string): Promise<boolean> {
  return insertOnce(client, await subjectOf(client, generationId), "CHARGE");
}

/** REFUND once for a clip that ended without a video; `reason` is the clip's errorCode. Same rules as charge(). */
export async function refund(client: LedgerClient, generationId: string, reason: string): Promise<boolean> {
  return insertOnce(client, await subjectOf(client, generationId), "REFUND", reason);
}
