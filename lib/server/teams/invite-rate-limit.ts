import "server-only";
import { AppError } from "../errors";
import { type RateLimitConfig, TokenBuckets } from "../net/token-buckets";

// Email invitations per inviter: 20 of burst, then one every 15 s. Answers are the same for known
// and unknown addresses (create-invite.ts), and this bounds how fast anyone could try addresses
// anyway. Per process, like the other in-memory limits (net/token-buckets.ts).
export const EMAIL_INVITE_RATE_LIMIT: RateLimitConfig = { capacity: 20, refillPerSec: 1 / 15, maxKeys: 10_000 };

const KEY = Symbol.for("framehouse.emailInviteRateLimit");

/** Spends one email invitation of `userId`, or throws 429 rate_limited with Retry-After. */
export function takeEmailInviteToken(userId: string): void {
  const g = globalThis as unknown as Record<symbol, TokenBuckets | undefined>;
  g[KEY] ??= new TokenBuckets(EMAIL_INVITE_RATE_LIMIT);
  const decision = g[KEY].take(userId);
  if (!decision.ok) throw new AppError("rate_limited", { headers: { "Retry-After": String(decision.retryAfterSec) } });
}
