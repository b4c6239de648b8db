import { type NextRequest, NextResponse } from "next/server";

// Runs before pages: adds the per-request CSP nonce (Next applies it to its own scripts) and sends
// signed-out visitors of app pages to sign-in. It is only a convenience: every route handler and
// page checks the session and permissions itself (proxy can be bypassed, CVE-2025-29927).

const PUBLIC_PAGES = [/^\/sign-in$/, /^\/sign-up$/, /^\/s\//, /^\/invite\//];
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (progress bars) need inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  return response;
}

export const config = {
  matcher: [
    {
      // API routes are excluded: they authenticate themselves, and the proxy would cap request
      // bodies at 10 MiB (uploads may be slightly larger with multipart overhead).
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
