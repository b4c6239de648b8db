// Security headers for EVERY response (pages, API, static files): next.config.mjs applies them to what
// Next answers, and the node:http fast path of signed media (lib/server/media-access/signed-media-node.ts)
// to what it answers before Next, so both paths send the same set. Plain JS because next.config.mjs
// loads it without a compiler; types in security-headers.d.mts.

/** The page CSP with a per-request script nonce is added by proxy.ts; this baseline CSP is enforced alongside it (browsers apply both). */
export const BASELINE_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** JSON answers (and every other API answer that is not media: events, CSV, archives) run no script and are never framed. */
export const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Media routes (clips, uploads, shared clips) set their own complete CSP (sandbox; lib/server/media/
 * media-csp.ts); a config header of the same name would replace it, so they get the rest only.
 */
export const MEDIA_BASELINE_HEADERS = BASELINE_HEADERS.filter((h) => h.key !== "Content-Security-Policy");

/**
 * API answers that are not media: the baseline with the JSON policy instead of the page one. Next keeps a
 * config header over a route's header of the same name, so the policy a route would set for itself has to
 * be the one said here (a JSON answer sent the page baseline's weaker CSP until 2026-12-05).
 */
export const API_BASELINE_HEADERS = [...MEDIA_BASELINE_HEADERS, { key: "Content-Security-Policy", value: JSON_CSP }];
