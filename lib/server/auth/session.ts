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

export async function actorFromCookieHeader(cookieHeader: string | null, client: Db = db()): Promise<Actor | null> {
  const token = cookieHeader ? sessionTokenFrom(cookieHeader) : undefined;
  if (!token) return null;
  const payload = await decode({ token, secret: authSecret() }).catch(() => null);
  const id = payload?.sub;
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
