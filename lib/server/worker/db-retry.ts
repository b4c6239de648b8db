import "server-only";

// RELIABILITY F-10/F-11: a second process (web server, another worker) can hold SQLite's write lock
// longer than busy_timeout, which Prisma's adapter reports as a "SocketTimeout"; PostgreSQL can
// abort a transaction with 40001/40P01. Those are retried a few times with jitter; anything else
// propagates unchanged.

const TRANSIENT_PRISMA_CODES = new Set(["P1008", "P2028", "P2034"]);
const TRANSIENT_TEXT = /SocketTimeout|SQLITE_BUSY|database is locked|\b40001\b|\b40P01\b|could not serialize|deadlock detected/i;

export function isTransientDbError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && TRANSIENT_PRISMA_CODES.has(code)) return true;
  const kind = (e as { cause?: { kind?: unknown } }).cause?.kind;
  if (kind === "SocketTimeout" || kind === "TransactionWriteConflict") return true;
  // Driver errors arrive wrapped in several layers; their codes end up only in the text.
  return e instanceof Error && TRANSIENT_TEXT.test(e.message);
}

export async function withDbRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !isTransientDbError(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** i));
    }
  }
}
