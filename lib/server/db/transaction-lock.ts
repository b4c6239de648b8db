import "server-only";
import type { Db, DbProvider } from "./index";

type TxClient = Pick<Db, "$executeRaw">;

/**
 * Serializes the transactions that name `key`, from this call to the end of the current transaction,
 * for a check-then-write that must not interleave (read a count, then insert or update by it).
 * PostgreSQL: a transaction-scoped advisory lock (READ COMMITTED alone lets two transactions read
 * the same count). SQLite has one writer: in-process the adapter queues interactive transactions, and
 * a transaction of another process that committed between our read and our write makes our write
 * fail as busy, so the caller must run the transaction under withDbRetry (db/retry.ts).
 */
export async function lockForTransaction(tx: TxClient, provider: DbProvider, key: string): Promise<void> {
  if (provider === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
