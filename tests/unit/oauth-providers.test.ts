import { afterEach, describe, expect, it, vi } from "vitest";

// Optional sign-in providers appear only when their variables are present.
afterEach(() => {
  vi.unstubAllEnvs();
});

async function load(vars: Record<string, string>) {
  // A fresh module graph: the providers are read from the environment when the module loads.
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const { oauthProviders } = await import("@/lib/server/auth/oauth-providers");
  const { authOptions } = await import("@/lib/server/auth/auth-options");
  return { listed: oauthProviders(), configured: authOptions().providers.map((p) => p.id) };
}

describe("optional OAuth / OIDC providers", () => {
  it("only email + password by default", async () => {
    const { listed, configured } = await load({ GITHUB_ID: "", OIDC_ISSUER: "" });
    expect(listed).toEqual([]);
    expect(configured).toEqual(["credentials"]);
  });

  it("GitHub and OIDC when their variables are set", async () => {
    const { listed, configured } = await load({
      GITHUB_ID: "gh-id",
      GITHUB_SECRET: "gh-secret",
      OIDC_ISSUER: "https://sso.example.test/realms/team",
      OIDC_CLIENT_ID: "framehouse",
      OIDC_CLIENT_SECRET: "oidc-secret",
      OIDC_NAME: "Company SSO",
    });
    expect(listed).toEqual([
      { id: "github", name: "GitHub" },
      { id: "oidc", name: "Company SSO" },
    ]);
    expect(configured).toEqual(["credentials", "github", "oidc"]);
  });
});
