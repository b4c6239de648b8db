import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { db, type Db } from "../db";
import { servedOverHttps } from "../env";
import { AppError } from "../errors";
import { touchLastSeen } from "./last-seen";
import { revokeUserSessions } from "./user-sessions";
import { authSecret } from "./secret";

export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  locale: string | null;
  /** The user's session version this request's token was issued under (see sessionIsLive). */
  sessionVersion: number;
  /** This device's session row (UserSession.id). */
  sessionId: string;
}

// next-auth's session cookie (the __Secure- name when served over https). The JWT carries the user id,
// the user's session version at sign-in (`sv`) and the id of this device's session row (`sid`,
// UserSession, written at sign-in: user-sessions.ts); role, the disabled flag, the current session
// version and whether the row is still active are re-read from the database on every request, in one
// query (the row is a relation filter of the user read, not a second read). Ending one device revokes
// its row; "everywhere" and disabling also bump the version (endSessions), so every token issued
// before stops working on its next request. A token without `sid` (issued before session rows
// existed) is not accepted: it could be neither listed nor ended on its own, so its holder signs in
// again once.
// Over https only the __Secure- name counts: a cookie without the prefix could have been planted over
// plain http (or by a sibling subdomain), and the browser guarantees the prefixed one was set Secure.
export const SECURE_COOKIE = "__Secure-next-auth.session-token";
export const PLAIN_COOKIE = "next-auth.session-token";

function sessionTokenFrom(cookieHeader: string): string | undefined {
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  for (const name of servedOverHttps() ? [SECURE_COOKIE] : [SECURE_COOKIE, PLAIN_COOKIE]) {
    const whole = jar.get(name);
    if (whole) return decodeURIComponent(whole);
    // next-auth splits cookies larger than 4 KB into name.0, name.1, ...
    const chunks: string[] = [];
    for (let n = 0; jar.has(`${name}.${n}`); n++) chunks.push(jar.get(`${name}.${n}`) ?? "");
    if (chunks.length) return decodeURIComponent(chunks.join(""));
  }
  return undefined;
}

// Decoding the JWE (HKDF key derivation + AES-GCM) is repeated for every media range request of a
// playing video, so the token → user id result is kept for a few seconds in a small LRU keyed by the
// whole token string (and the secret it was decoded with). Only the id is cached: the user row (role,
// disabled flag) is still read from the database on every request below, so a demotion or a
// disable bites on the next request. An entry never outlives the token's own `exp`.
const DECODED_TTL_MS = 5_000;
const DECODED_MAX = 1_000;
interface Claims {
  sub: string;
  /** Session version at sign-in; tokens from before versions existed count as 0. */
  sv: number;
  /** The session row; tokens from before rows existed have none and are refused. */
  sid: string | null;
}
const decoded = new Map<string, { secret: string; claims: Claims; until: number }>();

async function claimsOfToken(token: string, secret: string, now = Date.now()): Promise<Claims | null> {
  const hit = decoded.get(token);
  if (hit && hit.secret === secret && hit.until > now) {
    // Refresh the LRU position (Map keeps insertion order).
    decoded.delete(token);
    decoded.set(token, hit);
    return hit.claims;
  }
  const payload = await decode({ token, secret }).catch(() => null);
  const sub = typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
  const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : Infinity;
  const sid = typeof payload?.sid === "string" && payload.sid ? payload.sid : null;
  const claims = sub ? { sub, sv: typeof payload?.sv === "number" ? payload.sv : 0, sid } : null;
  // Invalid tokens are not cached (no cache flooding with garbage); valid ones until min(TTL, exp).
  if (claims) {
    decoded.delete(token);
    decoded.set(token, { secret, claims, until: Math.min(now + DECODED_TTL_MS, exp) });
    while (decoded.size > DECODED_MAX) {
      const oldest = decoded.keys().next().value;
      if (oldest === undefined) break;
      decoded.delete(oldest);
    }
  }
  return claims;
}

/** Test hook: the decoded-token cache's size (it is bounded by DECODED_MAX). */
export function decodedTokenCacheSize(): number {
  return decoded.size;
}

/** The user behind a session that still holds: enabled, same version, its row not revoked (one query). */
function liveSessionWhere(userId: string, sessionVersion: number, sessionId: string) {
  return { id: userId, disabledAt: null, sessionVersion, userSessions: { some: { id: sessionId, revokedAt: null } } };
}

export async function actorFromCookieHeader(cookieHeader: string | null, client: Db = db()): Promise<Actor | null> {
  const token = cookieHeader ? sessionTokenFrom(cookieHeader) : undefined;
  if (!token) return null;
  const claims = await claimsOfToken(token, authSecret());
  if (!claims?.sid) return null;
  const user = await client.user.findFirst({
    where: liveSessionWhere(claims.sub, claims.sv, claims.sid),
    select: { id: true, email: true, name: true, role: true, locale: true, sessionVersion: true },
  });
  if (!user) return null;
  touchLastSeen(client, user.id, claims.sid);
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, sessionVersion: user.sessionVersion, sessionId: claims.sid };
}

/** Whether `actor`'s session still holds: not disabled, not signed out since (long-lived streams ask on every tick). */
export async function sessionIsLive(client: Db, actor: Actor): Promise<boolean> {
  return (await client.user.count({ where: liveSessionWhere(actor.id, actor.sessionVersion, actor.sessionId) })) === 1;
}

/** Ends every session of `userId` issued so far (sign out everywhere, disable, a reset link): the version moves on and every row is revoked. */
export async function endSessions(client: Pick<Db, "user" | "userSession">, userId: string): Promise<void> {
  await client.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await revokeUserSessions(client, userId, null);
}

/** The session version a new token of `userId` carries. */
export async function currentSessionVersion(client: Db, userId: string): Promise<number> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}

/** The signed-in user of a route handler's request (null when signed out). */
export function actorFromRequest(req: Request): Promise<Actor | null> {
  return actorFromCookieHeader(req.headers.get("cookie"));
}

/** The signed-in user of the current server component render. */
export async function getActor(): Promise<Actor | null> {
  const jar = await cookies();
  return actorFromCookieHeader(jar.getAll().map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; "));
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  return actor;
}
