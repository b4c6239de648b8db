import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";

// next-auth's own endpoints (sign-in callback, CSRF token, session, sign-out).
type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, ctx: Ctx) => NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };
