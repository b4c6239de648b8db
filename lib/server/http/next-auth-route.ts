import "server-only";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "../auth/auth-options";
import { withHashBudget } from "../auth/hash-gate";
import { withSignInDevice } from "../auth/sign-in-device";
import { AppError } from "../errors";
import { localeOfRequest } from "../locale";
import { clientIpFrom } from "../net/client-ip";
import { withCappedBody } from "./read-body";
import { errorResponse } from "./respond";

type Ctx = { params: Promise<{ nextauth: string[] }> };
const AUTH_BODY_MAX = 16 * 1024;

// next-auth's own endpoints (sign-in callback, CSRF token, session, sign-out). The credentials
// callback verifies a password, so it passes the hash gate (auth/hash-gate.ts) first. A refusal is
// the coded 429 body plus the `url` next-auth's browser client reads its error from
// ("throttled:<seconds>", which the sign-in form already shows as a wait). next-auth reads the body
// itself without a limit, so it gets the request back with its body read through the cap
// (read-body.ts): a sign-in form is a few hundred bytes.
export async function nextAuthRoute(req: Request, ctx: Ctx): Promise<Response> {
  let capped: Request;
  try {
    capped = await withCappedBody(req, AUTH_BODY_MAX);
  } catch (err) {
    return errorResponse(err, localeOfRequest(req));
  }
  const device = { userAgent: req.headers.get("user-agent"), ip: clientIpFrom(req.headers) };
  const run = () => withSignInDevice(device, () => NextAuth(new NextRequest(capped) as never, ctx as never, authOptions()) as Promise<Response>);
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return run();
  try {
    return await withHashBudget(clientIpFrom(req.headers), run);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "rate_limited") throw err;
    const res = errorResponse(err, localeOfRequest(req));
    const seconds = err.headers?.["Retry-After"] ?? "1";
    const url = new URL(`/api/auth/error?error=${encodeURIComponent(`throttled:${seconds}`)}`, req.url).toString();
    return Response.json({ ...((await res.json()) as object), url }, { status: res.status, headers: res.headers });
  }
}
