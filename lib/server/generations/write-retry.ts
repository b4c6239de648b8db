import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../errors";

// Short write transactions, retried on transient contention (RELIABILITY §0 finding 3, F-10, F-11):
// SQLite busy from another process surfaces as P1008 (the adapter's "SocketTimeout"), PostgreSQL
// serialization failures / deadlocks as P2034, and a transaction that could not start in time
// (in-process mutex queue) as P2028. Anything else — including P2002 — is the caller's business.
const TRANSIENT = new Set(["P1008", "P2028", "P2034"]);
const ATTEMPTS = 6;

export function isTransientDbError(err: unknown): boolean {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" && TRANSIENT.has(code);
}

/** Runs `fn` up to 6 times with jittered backoff; persistent contention becomes 503 `busy`, never a 500. */
export async function withWriteRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      if (attempt >= ATTEMPTS) throw new AppError("busy", { cause: err, headers: { "Retry-After": "1" } });
      await sleep(Math.random() * 25 * 2 ** attempt);
    }
  }
}

/** Options for interactive transactions: wait for the in-process queue, keep the work itself short. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;
