import "server-only";
import type { Db } from "../db";

// User.lastSeenAt for the admin's user list. The session check every request makes (session.ts) calls
// this; it writes at most once per LAST_SEEN_EVERY_MS per user: an in-process map answers "written
// recently" without a query, and the write itself is conditional on the stored time being older, so
// several processes together still write about once per interval. The write is not awaited: a
// request never waits for it or fails because of it.
const LAST_SEEN_EVERY_MS = 5 * 60_000;
const MAX_TRACKED = 10_000;
const writtenAt = new Map<string, number>();

export function touchLastSeen(client: Pick<Db, "user">, userId: string, now = Date.now()): void {
  const last = writtenAt.get(userId);
  if (last !== undefined && now - last < LAST_SEEN_EVERY_MS) return;
  writtenAt.delete(userId);
  writtenAt.set(userId, now);
  while (writtenAt.size > MAX_TRACKED) {
    const oldest = writtenAt.keys().next().value;
    if (oldest === undefined) break;
    writtenAt.delete(oldest);
  }
  const stale = new Date(now - LAST_SEEN_EVERY_MS);
  client.user
    .updateMany({ where: { id: userId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: stale } }] }, data: { lastSeenAt: new Date(now) } })
    .catch(() => {
      // Best effort (a busy SQLite, a closing pool): the next interval writes it.
      writtenAt.delete(userId);
    });
}
