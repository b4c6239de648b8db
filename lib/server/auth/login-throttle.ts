import "server-only";
import type { Db } from "../db";

// Failed-login throttling, stored in the database so it holds across processes and restarts:
// up to FREE_FAILURES failures per (email, IP) in WINDOW_MS are free; each failure after that
// doubles the wait before the next attempt is even checked (30 s, 60 s, 120 s … capped at the window).
export const WINDOW_MS = 15 * 60_000;
export const FREE_FAILURES = 5;
const BASE_DELAY_MS = 30_000;

export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES), WINDOW_MS);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Milliseconds the caller must still wait before this (email, ip) may try again; 0 = may try now. */
export async function remainingLockMs(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const failures = await db.loginAttempt.findMany({
    where: { email: normalizeEmail(email), ip, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: 64,
  });
  const last = failures[0];
  if (!last) return 0;
  const wait = delayAfter(failures.length);
  return Math.max(0, last.createdAt.getTime() + wait - now.getTime());
}

export async function recordAttempt(db: Db, email: string, ip: string, success: boolean): Promise<void> {
  const e = normalizeEmail(email);
  await db.loginAttempt.create({ data: { email: e, ip, success } });
  // A success clears the slate for this pair; old rows are pruned opportunistically.
  if (success) await db.loginAttempt.deleteMany({ where: { email: e, ip, success: false } });
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 2 * WINDOW_MS) } } });
}
