// Route handler tests call the real handlers with real Requests against a real, migrated database.
// The env module reads process.env once per module graph, so point it at the test DB first.
import { encode } from "next-auth/jwt";
import type { Db } from "@/lib/server/db";

export const TEST_SECRET = "integration-secret-integration-secret-0123";

// REGISTRATION: route tests create many accounts through sign-up; the invite-only default itself is
// tested in account-api.test.ts (which passes REGISTRATION: "invite").
export function useTestEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, AUTH_SECRET: TEST_SECRET, NODE_ENV: "test", REGISTRATION: "open", ...extra });
}

/**
 * A next-auth session cookie for a user id, signed like the real one, of a new session row in
 * `client` (what a sign-in writes; `sv`: the session version it was issued under).
 */
export async function sessionCookie(client: Pick<Db, "userSession">, userId: string, sv?: number, userAgent?: string): Promise<string> {
  const { id: sid } = await client.userSession.create({ data: { userId, userAgent }, select: { id: true } });
  const token = await encode({ token: sv === undefined ? { sub: userId, sid } : { sub: userId, sv, sid }, secret: TEST_SECRET });
  return `next-auth.session-token=${token}`;
}

export function jsonRequest(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
