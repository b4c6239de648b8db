import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { db } from "../db";
import { env, servedOverHttps } from "../env";
import { clientIpFrom } from "@/lib/server/net/client-ip";
import { checkCredentials } from "./credentials";
import { authSecret } from "./secret";
import { currentSessionVersion, endSessions } from "./session";
import { SESSION_MAX_AGE_SEC } from "./session-cookie";

// next-auth v4 with JWT sessions. The token carries only the user id and the user's session version:
// role, team roles, the disabled flag and the current version are read from the database on every
// request (session.ts), never trusted from it.
let cached: AuthOptions | undefined;

export function authOptions(): AuthOptions {
  if (cached) return cached;
  const e = env();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIpFrom((req?.headers ?? {}) as Record<string, string>);
        const r = await checkCredentials(db(), credentials, ip);
        if (r.ok) return r.user;
        // next-auth passes the message to the client as `error`; the UI maps it to a localized text.
        if (r.reason === "throttled") throw new Error(`throttled:${r.retryAfterSeconds}`);
        return null;
      },
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(p: { sub: string; email?: string; name?: string; picture?: string }) {
        return { id: p.sub, email: p.email ?? null, name: p.name ?? null, image: p.picture ?? null };
      },
    });
  }
  cached = {
    // The adapter is only used by OAuth/OIDC sign-ins (user + account rows); sessions stay JWT.
    adapter: PrismaAdapter(db()) as unknown as Adapter,
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SEC },
    // The same decision session.ts makes about which cookie name it accepts.
    useSecureCookies: servedOverHttps(e),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = await currentSessionVersion(db(), user.id);
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      // Sign-out ends the user's sessions everywhere (session.ts explains the choice), so a copied
      // cookie stops working too instead of living out its 30 days.
      async signOut({ token }) {
        if (typeof token?.sub === "string") await endSessions(db(), token.sub);
      },
      // OAuth-created accounts follow the same "first account is admin" rule as sign-up.
      async createUser({ user }) {
        const { claimFirstAdmin } = await import("./first-admin");
        await claimFirstAdmin(db(), user.id);
      },
    },
    logger: {
      error(code, meta) {
        if (code === "CREDENTIALS_SIGNIN_ERROR" || code === "CLIENT_FETCH_ERROR") return;
        console.error(JSON.stringify({ level: "error", msg: "next-auth", code, meta: String(meta) }));
      },
      warn() {},
      debug() {},
    },
  };
  return cached;
}
