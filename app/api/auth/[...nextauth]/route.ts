import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/auth-options";
import { withCappedBody } from "@/lib/server/http/read-body";
import { errorResponse } from "@/lib/server/http/respond";
import { localeOfRequest } from "@/lib/server/locale";

// next-auth's own endpoints (sign-in callback, CSRF token, session, sign-out). next-auth reads the
// body itself without a limit, so it gets the request back with its body read through the cap
// (lib/server/http/read-body.ts): a sign-in form is a few hundred bytes.
type Ctx = { params: Promise<{ nextauth: string[] }> };
const AUTH_BODY_MAX = 16 * 1024;

const handler = async (req: Request, ctx: Ctx): Promise<Response> => {
  let capped: Request;
  try {
    capped = await withCappedBody(req, AUTH_BODY_MAX);
  } catch (err) {
    return errorResponse(err, localeOfRequest(req));
  }
  return NextAuth(new NextRequest(capped) as never, ctx as never, authOptions());
};

export { handler as GET, handler as POST };
