// Per-IP token buckets for the public share page (/s/*, checked in proxy.ts) and its media
// (/api/s/*, checked in the route handler). One bucket per client IP shared by both: 120 tokens of
// burst, refilled at 2 per second (120 per minute). A viewer who loads the page, plays and seeks
// spends a handful of Range requests per seek and never comes close; a scraper or a flood does.
//
// The limit is PER APP INSTANCE: the buckets live in this process's memory (on globalThis so the
// proxy bundle and the route bundles of one process share them). N instances allow N times as much.
// No "server-only" import: proxy.ts uses it too.

export interface RateLimitConfig {
  capacity: number;
  refillPerSec: number;
  /** Bound on the number of IPs tracked; the least recently seen are evicted first. */
  maxKeys: number;
}

export const SHARE_RATE_LIMIT: RateLimitConfig = { capacity: 120, refillPerSec: 2, maxKeys: 10_000 };

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSec: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(readonly config: RateLimitConfig) {}

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, nowMs = Date.now()): RateDecision {
    const { capacity, refillPerSec, maxKeys } = this.config;
    const prev = this.buckets.get(key);
    let tokens = capacity;
    if (prev) {
      tokens = Math.min(capacity, prev.tokens + (Math.max(0, nowMs - prev.at) / 1000) * refillPerSec);
      this.buckets.delete(key); // re-inserted below: Map order = least recently seen first
    } else if (this.buckets.size >= maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - tokens) / refillPerSec)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    return { ok: true, remaining: Math.floor(tokens - 1) };
  }
}

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
