import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSqliteTestDb, type TestDb } from "../support/test-db";
import { jsonRequest, TEST_SECRET, useTestEnv as applyTestEnv } from "../support/route-env";

// Over https (the public URL is https) only the __Secure- session cookie is accepted, and the app's
// own cookies (workspace, locale) are Secure; over http both names work and nothing is Secure.
let t: TestDb;
let userId: string;
let token: string;
beforeAll(async () => {
  t = await createSqliteTestDb();
  userId = (await t.client.user.create({ data: { email: "cookie@x.test" } })).id;
  token = await encode({ token: { sub: userId }, secret: TEST_SECRET });
});
afterAll(async () => t?.drop());

async function load(publicUrl: string) {
  applyTestEnv(t.url, { NEXTAUTH_URL: publicUrl });
  vi.resetModules();
  return {
    session: await import("@/lib/server/auth/session"),
    locale: (await import("@/app/api/locale/route")).POST,
    workspace: (await import("@/app/api/workspace/route")).PUT,
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

  it(https ? "sets the workspace and locale cookies Secure" : "sets the workspace and locale cookies without Secure", async () => {
    const { locale, workspace } = await load(publicUrl);
    const cookie = `${https ? "__Secure-" : ""}next-auth.session-token=${token}`;
    const l = await locale(jsonRequest("/api/locale", "POST", { locale: "en" }));
    const w = await workspace(jsonRequest("/api/workspace", "PUT", { teamId: null }, { cookie }));
    expect(w.status).toBe(200);
    for (const res of [l, w]) {
      const set = res.headers.get("set-cookie") ?? "";
      expect(set).toMatch(/Path=\//);
      expect(/;\s*Secure(;|$)/.test(set)).toBe(https);
    }
  });
});
