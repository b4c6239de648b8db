import "server-only";
import { encode } from "next-auth/jwt";
import { servedOverHttps } from "../env";
import { authSecret } from "./secret";
import { PLAIN_COOKIE, SECURE_COOKIE } from "./session";
import { SESSION_MAX_AGE_SEC } from "./session-lifetime";

// Re-issuing this device's session after its user's session version moved on (a password change ends
// every other session; this one continues). The token has the shape next-auth's jwt callback gives
// (auth-options.ts): the user id, the version and this device's session row id (`sid`, kept: the
// device's row and its place in the list of sessions stay); next-auth reads and refreshes it as its own.

function cookieName(): string {
  return servedOverHttps() ? SECURE_COOKIE : PLAIN_COOKIE;
}

/** A Set-Cookie value carrying a fresh session token for `user`'s session `sessionId` under `sessionVersion`. */
export async function sessionSetCookie(user: { id: string; email: string; name: string | null; sessionId: string }, sessionVersion: number): Promise<string> {
  const token = await encode({
    token: { sub: user.id, sv: sessionVersion, sid: user.sessionId, email: user.email, name: user.name },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SEC,
  });
  return [`${cookieName()}=${token}`, "Path=/", `Max-Age=${SESSION_MAX_AGE_SEC}`, "HttpOnly", "SameSite=Lax", ...(servedOverHttps() ? ["Secure"] : [])].join("; ");
}

/** A Set-Cookie value that removes this device's session cookie (after "sign out everywhere"). */
export function clearSessionCookie(): string {
  return [`${cookieName()}=`, "Path=/", "Max-Age=0", "HttpOnly", "SameSite=Lax", ...(servedOverHttps() ? ["Secure"] : [])].join("; ");
}
