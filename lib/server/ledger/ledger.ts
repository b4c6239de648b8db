import "server-only";
import type { Db } from "../db";
import { isUniqueViolation } from "../db/unique-violation";

/*
 * Money ledger of one take or one other platform call (docs/reliability.md, "Money adds up").
 * Amounts are in fen. A row belongs to exactly one of them: generationId or callId.
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
 *
 * A call (AiCall: chat, still, speech) is priced from what its answer reports, so it holds an upper
 * bound and settles once (unique (callId, kind) is the guard, as above):
 *   HOLD    the call's costFen (its upper bound), in the transaction that queues it.
 *   CHARGE  when answered: amount = what it cost (≤ the hold).
 *   REFUND  once: the unused part of the hold after an answer (reason "settled"), or all of it when it
 *           ended without reaching the upstream. A call that may have reached the upstream without an
 *           answer keeps its whole hold (never under-counted; nothing is re-sent).
 * Spend of a call = HOLD − REFUND = its CHARGE once settled.
 */

type LedgerKind = "HOLD" | "CHARGE" | "REFUND";

/** A client or an interactive-transaction client: both expose the same delegates. */
type LedgerClient = Pick<Db, "ledgerEntry" | "generation">;
type CallLedgerClient = Pick<Db, "ledgerEntry" | "aiCall">;

interface LedgerSubject {
  id: string;
  ownerId: string;
  teamId: string | null;
  costFen: number;
}

/** Which row a ledger entry belongs to. */
type Owner = { generationId: string } | { callId: string };

async function insertOnce(client: Pick<Db, "ledgerEntry">, owner: Owner, subject: LedgerSubject, kind: LedgerKind, reason?: string, amountFen = subject.costFen): Promise<boolean> {
  try {
    await client.ledgerEntry.create({
      data: { ...owner, userId: subject.ownerId, teamId: subject.teamId, kind, amountFen, reason: reason ?? null },
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
  return insertOnce(client, { generationId }, await subjectOf(client, generationId), "CHARGE");
}

/** REFUND once for a clip that ended without a video; `reason` is the clip's errorCode. Same rules as charge(). */
export async function refund(client: LedgerClient, generationId: string, reason: string): Promise<boolean> {
  return insertOnce(client, { generationId }, await subjectOf(client, generationId), "REFUND", reason);
}

/** HOLD of a new call's upper bound inside its queueing transaction (same rule as hold()). */
export async function holdCall(tx: Pick<Db, "ledgerEntry">, call: LedgerSubject): Promise<void> {
  await tx.ledgerEntry.create({ data: { callId: call.id, userId: call.ownerId, teamId: call.teamId, kind: "HOLD", amountFen: call.costFen } });
}

const callSubject = (client: CallLedgerClient, callId: string): Promise<LedgerSubject> =>
  client.aiCall.findUniqueOrThrow({ where: { id: callId }, select: { id: true, ownerId: true, teamId: true, costFen: true } });

/**
 * An answered call: CHARGE what it cost (capped at the hold: the hold is the most a call can cost)
 * and REFUND the rest. Returns the amount charged. Idempotent like charge().
 */
export async function settleCall(client: CallLedgerClient, callId: string, costFen: number): Promise<number> {
  const subject = await callSubject(client, callId);
  const charged = Math.max(0, Math.min(costFen, subject.costFen));
  await insertOnce(client, { callId }, subject, "CHARGE", undefined, charged);
  if (charged < subject.costFen) await insertOnce(client, { callId }, subject, "REFUND", "settled", subject.costFen - charged);
  return charged;
}

/** REFUND the whole hold of a call that ended without reaching the upstream. Idempotent like refund(). */
export async function refundCall(client: CallLedgerClient, callId: string, reason: string): Promise<boolean> {
  return insertOnce(client, { callId }, await callSubject(client, callId), "REFUND", reason);
}
