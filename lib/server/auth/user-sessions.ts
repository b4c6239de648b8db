import "server-only";
import type { Db } from "../db";
import { SESSION_MAX_AGE_SEC } from "./session-lifetime";

// The rows behind "active sessions" (UserSession): one per sign-in, its id carried in the JWT (`sid`).
// The per-request check (session.ts) reads the row in the same query as the user; this module writes
// and lists them. A revoked row stays until it is pruned, so a list or an audit can still name it;
// every read here keeps to `revokedAt: null`.

const USER_AGENT_MAX = 512;
const IP_MAX = 64;
/** At most this many rows are returned to the account page (a person with more signs out the rest at once). */
const LIST_LIMIT = 100;

export interface SignInDevice {
  userAgent?: string | null;
  ip?: string | null;
}

export interface UserSessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
}

function capped(v: string | null | undefined, max: number): string | null {
  const s = v?.trim();
  return s && s !== "unknown" ? s.slice(0, max) : null;
}

/**
 * A new session row for `userId` (at sign-in; the caller puts the id into the token). Rows of any user
 * unseen for the session lifetime are pruned here, the way login attempts are pruned at sign-in
 * (login-throttle.ts): a sign-in is the write that makes rows, so it keeps their number bounded.
 */
export async function startUserSession(client: Pick<Db, "userSession">, userId: string, device: SignInDevice, now = new Date()): Promise<string> {
  const row = await client.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, userAgent: capped(device.userAgent, USER_AGENT_MAX), ip: capped(device.ip, IP_MAX) },
    select: { id: true },
  });
  await pruneUserSessions(client, now).catch(() => {
    // Best effort: the next sign-in prunes again; a sign-in never fails because of it.
  });
  return row.id;
}

/**
 * Deletes the rows that can no longer be used: unseen for longer than a token lives (next-auth
 * re-issues the cookie while the browser is in use, so lastSeenAt + lifetime bounds the token's
 * expiry; lastSeenAt lags by at most the last-seen interval, well inside the lifetime).
 */
async function pruneUserSessions(client: Pick<Db, "userSession">, now = new Date()): Promise<number> {
  const r = await client.userSession.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - SESSION_MAX_AGE_SEC * 1000) } } });
  return r.count;
}

/** The user's active sessions, most recently seen first. */
export function listUserSessions(client: Pick<Db, "userSession">, userId: string, now = new Date()): Promise<UserSessionRow[]> {
  return client.userSession.findMany({
    where: { userId, revokedAt: null, lastSeenAt: { gte: new Date(now.getTime() - SESSION_MAX_AGE_SEC * 1000) } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
  });
}

/** How many active sessions each of `userIds` has (one grouped query; the admin's user list shows the count only). */
export async function countUserSessions(client: Pick<Db, "userSession">, userIds: string[], now = new Date()): Promise<Map<string, number>> {
  const groups = userIds.length
    ? await client.userSession.groupBy({
        by: ["userId"],
        where: { userId: { in: userIds }, revokedAt: null, lastSeenAt: { gte: new Date(now.getTime() - SESSION_MAX_AGE_SEC * 1000) } },
        _count: { _all: true },
      })
    : [];
  return new Map(groups.map((g) => [g.userId, g._count._all]));
}

/** Ends one session of `userId`; false when it is not theirs, unknown or already ended (the caller answers 404). */
export async function revokeUserSession(client: Pick<Db, "userSession">, userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const r = await client.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
  return r.count === 1;
}

/** Ends every session of `userId` except `keep` (none: all of them); how many ended. */
export async function revokeUserSessions(client: Pick<Db, "userSession">, userId: string, keep: string | null, now = new Date()): Promise<number> {
  const r = await client.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return r.count;
}
