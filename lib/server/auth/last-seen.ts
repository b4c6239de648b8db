import "server-only";
import type { Db } from "../db";

// User.lastSeenAt for the admin's user list and UserSession.lastSeenAt for the account's list of
// sessions. The session check every request makes (session.ts) calls this; it writes at most once per
// LAST_SEEN_EVERY_MS per session: an in-process map answers "written recently" without a query, and
// each write is conditional on the stored time being older, so several processes together (or
// several devices of one user, for the user's time) still write about once per interval. The writes
// are not awaited: a request never waits for them or fails because of them.
const LAST_SEEN_EVERY_MS = 5 * 60_000;
const MAX_TRACKED = 10_000;
const writtenAt = new Map<string, number>();

export function touchLastSeen(client: Pick<Db, "user" | "userSession">, userId: string, sessionId: string, now = Date.now()): void {
  const last = writtenAt.get(sessionId);
  if (last !== undefined && now - last < LAST_SEEN_EVERY_MS) return;
  writtenAt.delete(sessionId);
  writtenAt.set(sessionId, now);
  while (writtenAt.size > MAX_TRACKED) {
    const oldest = writtenAt.keys().next().value;
    if (oldest === undefined) break;
    writtenAt.delete(oldest);
  }
  const stale = new Date(now - LAST_SEEN_EVERY_MS);
  const seen = new Date(now);
  // Best effort (a busy SQLite, a closing pool): forgetting the time lets the next request try again.
  const retry = () => writtenAt.delete(sessionId);
  client.user.updateMany({ where: { id: userId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: stale } }] }, data: { lastSeenAt: seen } }).catch(retry);
  client.userSession.updateMany({ where: { id: sessionId, lastSeenAt: { lt: stale } }, data: { lastSeenAt: seen } }).catch(retry);
}
