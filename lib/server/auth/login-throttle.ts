import "server-only";
import { type Db, providerOfDb } from "../db";
import { writeTransaction } from "../db/retry";
import { lockForTransaction } from "../db/transaction-lock";

// Failed-login throttling, stored in the database so it holds across processes and restarts:
// up to FREE_FAILURES failures per (email, IP) in WINDOW_MS are free; each failure after that
// doubles the wait before the next attempt is even checked (30 s, 60 s, 120 s … capped at the window).
//
// An attempt is recorded as a failure BEFORE its password is verified, in one transaction with the
// check (reserveAttempt), and a success clears it afterwards. Checking, verifying and then recording
// let parallel guesses all pass the check before any was recorded: 19 of 20 parallel wrong passwords
// were verified where the rule allows 5.
export const WINDOW_MS = 15 * 60_000;
export const FREE_FAILURES = 5;
const BASE_DELAY_MS = 30_000;

type AttemptsClient = Pick<Db, "loginAttempt">;

export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES), WINDOW_MS);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Milliseconds the caller must still wait before this (email, ip) may try again; 0 = may try now. */
async function remainingLockMs(db: AttemptsClient, email: string, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const failures = await db.loginAttempt.findMany({
    where: { email, ip, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: 64,
  });
  const last = failures[0];
  if (!last) return 0;
  const wait = delayAfter(failures.length);
  return Math.max(0, last.createdAt.getTime() + wait - now.getTime());
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Counts this attempt as a failure of (email, ip) now, unless the pair is locked; only a reserved
 * attempt may verify a password. Check and insert are one transaction, serialized per pair
 * (db/transaction-lock.ts; READ COMMITTED alone would let two callers both count 4).
 */
export async function reserveAttempt(client: Db, rawEmail: string, ip: string): Promise<Reservation> {
  const email = normalizeEmail(rawEmail);
  const provider = providerOfDb(client);
  return writeTransaction(client, async (tx) => {
    await lockForTransaction(tx, provider, `framehouse.login.${email}\n${ip}`);
    const now = new Date();
    const lockMs = await remainingLockMs(tx, email, ip, now);
    if (lockMs > 0) return { ok: false, retryAfterMs: lockMs } as const;
    await tx.loginAttempt.create({ data: { email, ip, success: false, createdAt: now } });
    return { ok: true } as const;
  });
}

/** After the verification of a reserved attempt: a success clears the pair's failures (its own reservation included). */
export async function settleAttempt(client: Db, rawEmail: string, ip: string, success: boolean): Promise<void> {
  const email = normalizeEmail(rawEmail);
  if (success) await client.loginAttempt.deleteMany({ where: { email, ip, success: false } });
  // Old rows are pruned opportunistically.
  await client.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 2 * WINDOW_MS) } } });
}
