import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "./index";

// Transient contention, retried in one place for every caller (request handlers and the worker):
// a second process (web server, another worker) can hold SQLite's write lock longer than
// busy_timeout, which Prisma's better-sqlite3 adapter reports as P1008 "SocketTimeout"; an
// interactive transaction that could not start in time (the adapter's in-process queue) is P2028;
// PostgreSQL serialization failures and deadlocks are P2034 / 40001 / 40P01. Driver errors
// sometimes arrive wrapped so that only their text carries the code. Anything else — P2002
// included — is the caller's business and propagates unchanged.

const TRANSIENT_PRISMA_CODES = new Set(["P1008", "P2028", "P2034"]);
const TRANSIENT_KINDS = new Set(["SocketTimeout", "TransactionWriteConflict"]);
const TRANSIENT_TEXT = /SocketTimeout|SQLITE_BUSY|database is locked|\b40001\b|\b40P01\b|could not serialize|deadlock detected/i;

const DB_RETRY_ATTEMPTS = 6;

export function isTransientDbError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && TRANSIENT_PRISMA_CODES.has(code)) return true;
  const kind = (e as { cause?: { kind?: unknown } }).cause?.kind;
  if (typeof kind === "string" && TRANSIENT_KINDS.has(kind)) return true;
  return e instanceof Error && TRANSIENT_TEXT.test(e.message);
}

/** Runs `fn` up to `attempts` times with jittered exponential backoff while it fails transiently. */
export async function withDbRetry<T>(fn: () => Promise<T>, attempts = DB_RETRY_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= attempts || !isTransientDbError(e)) throw e;
      await sleep(Math.random() * 25 * 2 ** attempt);
    }
  }
}

/** Options for interactive transactions: wait for the in-process queue, keep the work itself short. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * An interactive transaction that reads and then writes, retried as a whole on transient contention:
 * on SQLite another process may commit between our read and our write (SQLITE_BUSY, not waited out
 * by busy_timeout), on PostgreSQL we may lose a serialization or deadlock check. Only a fresh run of
 * the whole callback can redo the read, so `fn` runs again from the start on such a failure — it
 * must touch the database only through `tx`: no email, file, storage, network or in-memory side
 * effects inside it (do those after this resolves).
 */
export function writeTransaction<T>(
  client: Pick<Db, "$transaction">,
  fn: (tx: Tx) => Promise<T>,
  options: { maxWait: number; timeout: number } = TX_OPTIONS,
): Promise<T> {
  // eslint-disable-next-line no-restricted-syntax -- the one composition the rule points everyone else to
  return withDbRetry(() => client.$transaction(fn, options));
}
