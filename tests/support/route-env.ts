// Route handler tests call the real handlers with real Requests against a real, migrated database.
// The env module reads process.env once per module graph, so point it at the test DB first.
import { encode } from "next-auth/jwt";

export const TEST_SECRET = "integration-secret-integration-secret-0123";

export function useTestEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, AUTH_SECRET: TEST_SECRET, NODE_ENV: "test", ...extra });
}

/** A next-auth session cookie for a user id, signed like the real one. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret: TEST_SECRET });
  return `next-auth.session-token=${token}`;
}

export function jsonRequest(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
