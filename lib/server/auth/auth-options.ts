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
import { currentSessionVersion } from "./session";
import { signInDevice } from "./sign-in-device";
import { revokeUserSession, startUserSession } from "./user-sessions";
import { SESSION_MAX_AGE_SEC } from "./session-lifetime";

// next-auth v4 with JWT sessions. The token carries only the user id, the user's session version and
// its session row's id: role, team roles, the disabled flag, the current version and the row are read
// from the database on every request (session.ts), never trusted from it. Every sign-in (password,
// GitHub, OIDC; sign-up and a reset link sign in through the password form) passes the jwt callback
// with `user` set, which is where the row is written.
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
          token.sid = await startUserSession(db(), user.id, signInDevice());
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      // Sign-out ends this device's session row, so a copied cookie stops working too instead of
      // living out its 30 days; the account's other devices stay signed in.
      async signOut({ token }) {
        if (typeof token?.sub === "string" && typeof token.sid === "string") await revokeUserSession(db(), token.sub, token.sid);
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
