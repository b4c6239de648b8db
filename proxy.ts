import { type NextRequest, NextResponse } from "next/server";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import { clientIpFrom } from "@/lib/server/net/client-ip";
import { SHARE_HEADERS, shareRateLimiter } from "@/lib/server/share/rate-limit";
import { requestGate } from "@/lib/shared/request-gate";
import { s3MediaOriginFromEnv } from "@/lib/shared/s3-media-origin";

// Runs before pages: adds the per-request CSP nonce (Next applies it to its own scripts) and sends
// signed-out visitors of app pages to sign-in. It is only a convenience: every route handler and
// page checks the session and permissions itself (proxy can be bypassed, CVE-2025-29927).
// It also applies the request gate to pages (lib/shared/request-gate.ts): scripts/server.mjs gates every
// path in production, this covers pages under `next dev` too.

const gate = requestGate(process.env);

const PUBLIC_PAGES = [/^\/sign-in$/, /^\/sign-up$/, /^\/forgot$/, /^\/s\//, /^\/invite\//, /^\/reset\//, /^\/join\//];
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

// With S3 storage, players fetch presigned URLs from the store itself (docs/deploy.md).
const s3Media = s3MediaOriginFromEnv(process.env);
const mediaSources = s3Media ? ` ${s3Media}` : "";

function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (progress bars) need inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data:${mediaSources}`,
    `media-src 'self' blob:${mediaSources}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const SHARE_PAGE = /^\/s\//;

/** Public share pages (/s/<token>): per-IP rate limit (the same buckets as their media route, per app
 *  instance), no referrer, no indexing, never stored by any cache. */
function sharePageLimited(request: NextRequest): NextResponse | null {
  const decision = shareRateLimiter().take(clientIpFrom(request.headers));
  if (decision.ok) return null;
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale(request.headers.get("accept-language"));
  return new NextResponse(translate(locale, "errors.rate_limited"), {
    status: 429,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Retry-After": String(decision.retryAfterSec),
      "Cache-Control": "no-store",
      ...SHARE_HEADERS,
    },
  });
}

export function proxy(request: NextRequest) {
  const refused = gate({
    method: request.method,
    host: request.headers.get("host") ?? request.nextUrl.host,
    cookie: request.headers.get("cookie"),
    acceptLanguage: request.headers.get("accept-language"),
  });
  if (refused) return new NextResponse(refused.body, { status: refused.status, headers: refused.headers });
  const { pathname, search } = request.nextUrl;
  const sharePage = SHARE_PAGE.test(pathname);
  if (sharePage) {
    const limited = sharePageLimited(request);
    if (limited) return limited;
  }
  if (!PUBLIC_PAGES.some((re) => re.test(pathname))) {
    const signedIn = SESSION_COOKIES.some((c) => request.cookies.has(c));
    if (!signedIn) {
      const url = request.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
      return NextResponse.redirect(url);
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (sharePage) {
    for (const [k, v] of Object.entries(SHARE_HEADERS)) response.headers.set(k, v);
    response.headers.set("Cache-Control", "private, no-store");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // API routes are excluded: they authenticate themselves, and the proxy would buffer request
      // bodies (up to 10 MiB) to hand them on. No `missing` clause for prefetch headers: a prefetch
      // renders the page too, so it gets the same limiter, CSP nonce and no-store as a navigation.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|og-default.png|robots.txt).*)",
    },
  ],
};
