// Per-key token buckets (the key is a client IP): `capacity` tokens of burst, refilled at
// `refillPerSec`; an empty bucket answers how long until the next token. In this process's memory,
// bounded by `maxKeys` (least recently seen evicted first). Used for share traffic
// (share/rate-limit.ts) and anonymous password hashing (auth/hash-gate.ts).
// No "server-only" import: proxy.ts uses it too (through share/rate-limit.ts).

export interface RateLimitConfig {
  capacity: number;
  refillPerSec: number;
  /** Bound on the number of IPs tracked; the least recently seen are evicted first. */
  maxKeys: number;
}

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

  /** What take() would answer now, without taking a token or touching the eviction order. */
  peek(key: string, nowMs = Date.now()): RateDecision {
    const { capacity, refillPerSec } = this.config;
    const prev = this.buckets.get(key);
    const tokens = prev ? Math.min(capacity, prev.tokens + (Math.max(0, nowMs - prev.at) / 1000) * refillPerSec) : capacity;
    if (tokens < 1) return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - tokens) / refillPerSec)) };
    return { ok: true, remaining: Math.floor(tokens - 1) };
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
