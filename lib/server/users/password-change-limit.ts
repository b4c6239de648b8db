import "server-only";
import { AppError } from "../errors";
import { TokenBuckets } from "../net/token-buckets";

// Password changes per account: a stolen session must not be able to guess the current password at
// the hash gate's per-address pace (30 at once). Five attempts, then one a minute, per account, in this
// process's memory (like the other rate limits).
const KEY = Symbol.for("framehouse.passwordChangeLimit");

function buckets(): TokenBuckets {
  const g = globalThis as unknown as Record<symbol, TokenBuckets | undefined>;
  g[KEY] ??= new TokenBuckets({ capacity: 5, refillPerSec: 1 / 60, maxKeys: 10_000 });
  return g[KEY];
}

export function takePasswordChangeToken(userId: string): void {
  const d = buckets().take(userId);
  if (!d.ok) throw new AppError("rate_limited", { headers: { "Retry-After": String(d.retryAfterSec) } });
}

/** Test hook: forget every account's attempts. */
export function resetPasswordChangeLimit(): void {
  (globalThis as unknown as Record<symbol, TokenBuckets | undefined>)[KEY] = undefined;
}
