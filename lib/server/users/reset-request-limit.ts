import "server-only";
import { AppError } from "../errors";
import { TokenBuckets } from "../net/token-buckets";

// "Forgot password?" requests, checked before any work: per client address (someone trying many
// addresses: 5, then one a minute) and per email address (someone flooding one person's inbox: 3,
// then one every 5 minutes). Known and unknown addresses spend alike, so the limit tells nothing
// about which exist. In this process's memory, like the other rate limits (net/token-buckets.ts).
const KEY = Symbol.for("framehouse.resetRequestLimit");

interface Limits {
  byIp: TokenBuckets;
  byEmail: TokenBuckets;
}

function limits(): Limits {
  const g = globalThis as unknown as Record<symbol, Limits | undefined>;
  g[KEY] ??= {
    byIp: new TokenBuckets({ capacity: 5, refillPerSec: 1 / 60, maxKeys: 10_000 }),
    byEmail: new TokenBuckets({ capacity: 3, refillPerSec: 1 / 300, maxKeys: 10_000 }),
  };
  return g[KEY];
}

/** Spends one request of `ip` and of `email` (normalized), or throws 429 rate_limited with Retry-After. */
export function takeResetRequestTokens(ip: string, email: string): void {
  const { byIp, byEmail } = limits();
  for (const take of [() => byIp.take(ip), () => byEmail.take(email)]) {
    const d = take();
    if (!d.ok) throw new AppError("rate_limited", { headers: { "Retry-After": String(d.retryAfterSec) } });
  }
}

/** Test hook: forget every address's requests. */
export function resetResetRequestLimit(): void {
  (globalThis as unknown as Record<symbol, Limits | undefined>)[KEY] = undefined;
}
