// Per-IP token buckets for the public share page (/s/*, checked in proxy.ts) and its media
// (/api/s/*, checked in the route handler). One bucket per client IP shared by both: 120 tokens of
// burst, refilled at 2 per second (120 per minute). A viewer who loads the page, plays and seeks
// spends a handful of Range requests per seek and never comes close; a scraper or a flood does.
//
// The limit is PER APP INSTANCE: the buckets live in this process's memory (on globalThis so the
// proxy bundle and the route bundles of one process share them). N instances allow N times as much.
// No "server-only" import: proxy.ts uses it too.

import { type RateLimitConfig, TokenBuckets } from "../net/token-buckets";

export const SHARE_RATE_LIMIT: RateLimitConfig = { capacity: 120, refillPerSec: 2, maxKeys: 10_000 };

const KEY = Symbol.for("framehouse.shareRateLimit");

/** The process-wide buckets of share traffic. */
export function shareRateLimiter(): TokenBuckets {
  const g = globalThis as unknown as Record<symbol, TokenBuckets | undefined>;
  g[KEY] ??= new TokenBuckets(SHARE_RATE_LIMIT);
  return g[KEY];
}

/** Headers every share page and share media response carries (also set in next.config.mjs). */
export const SHARE_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};
