import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { db, type Db } from "../db";
import { AppError } from "../errors";
import { authSecret } from "./secret";

export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  locale: string | null;
}

// next-auth's session cookie (the __Secure- name when served over https). The JWT only carries the
// user id; role and the disabled flag are re-read from the database on every request.
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function sessionTokenFrom(cookieHeader: string): string | undefined {
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  for (const name of COOKIE_NAMES) {
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
const decoded = new Map<string, { secret: string; sub: string | null; until: number }>();

async function userIdOfToken(token: string, secret: string, now = Date.now()): Promise<string | null> {
  const hit = decoded.get(token);
  if (hit && hit.secret === secret && hit.until > now) {
    // Refresh the LRU position (Map keeps insertion order).
    decoded.delete(token);
    decoded.set(token, hit);
    return hit.sub;
  }
  const payload = await decode({ token, secret }).catch(() => null);
  const sub = typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
  const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : Infinity;
  // Invalid tokens are not cached (no cache flooding with garbage); valid ones until min(TTL, exp).
  if (sub) {
    decoded.delete(token);
    decoded.set(token, { secret, sub, until: Math.min(now + DECODED_TTL_MS, exp) });
    while (decoded.size > DECODED_MAX) {
      const oldest = decoded.keys().next().value;
      if (oldest === undefined) break;
      decoded.delete(oldest);
    }
  }
  return sub;
}

/** Test hook: the decoded-token cache's size (it is bounded by DECODED_MAX). */
export function decodedTokenCacheSize(): number {
  return decoded.size;
}

export async function actorFromCookieHeader(cookieHeader: string | null, client: Db = db()): Promise<Actor | null> {
  const token = cookieHeader ? sessionTokenFrom(cookieHeader) : undefined;
  if (!token) return null;
  const id = await userIdOfToken(token, authSecret());
  if (!id) return null;
  const user = await client.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, locale: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
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
