import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSqliteTestDb, type TestDb } from "../support/test-db";
import { jsonRequest, TEST_SECRET, useTestEnv as applyTestEnv } from "../support/route-env";

// Over https (the public URL is https) only the __Secure- session cookie is accepted, and the app's
// own cookie (locale; the workspace is remembered on the account) is Secure; over http both names work and nothing is Secure.
let t: TestDb;
let userId: string;
let token: string;
beforeAll(async () => {
  t = await createSqliteTestDb();
  userId = (await t.client.user.create({ data: { email: "cookie@x.test" } })).id;
  const { id: sid } = await t.client.userSession.create({ data: { userId } });
  token = await encode({ token: { sub: userId, sid }, secret: TEST_SECRET });
});
afterAll(async () => t?.drop());

async function load(publicUrl: string) {
  applyTestEnv(t.url, { NEXTAUTH_URL: publicUrl });
  vi.resetModules();
  return {
    session: await import("@/lib/server/auth/session"),
    locale: (await import("@/app/api/locale/route")).POST,
  };
}

describe.each([
  ["https://studio.example", true],
  ["http://localhost:3000", false],
] as const)("public URL %s", (publicUrl, https) => {
  it(https ? "accepts only the __Secure- session cookie" : "accepts either session cookie name", async () => {
    const { session } = await load(publicUrl);
    expect((await session.actorFromCookieHeader(`__Secure-next-auth.session-token=${token}`, t.client))?.id).toBe(userId);
    const plain = await session.actorFromCookieHeader(`next-auth.session-token=${token}`, t.client);
    expect(plain?.id ?? null).toBe(https ? null : userId);
  });

  it(https ? "sets the locale cookie Secure" : "sets the locale cookie without Secure", async () => {
    const { locale } = await load(publicUrl);
    const l = await locale(jsonRequest("/api/locale", "POST", { locale: "en" }));
    for (const res of [l]) {
      const set = res.headers.get("set-cookie") ?? "";
      expect(set).toMatch(/Path=\//);
      expect(/;\s*Secure(;|$)/.test(set)).toBe(https);
    }
  });
});
