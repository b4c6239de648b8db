import { describe, expect, it } from "vitest";
import { TokenBuckets } from "@/lib/server/net/token-buckets";
import { SHARE_RATE_LIMIT } from "@/lib/server/share/rate-limit";

// The per-IP token bucket of share pages and share media.
describe("share rate limit buckets", () => {
  it("allows the burst, then answers with a Retry-After until tokens refill", () => {
    const b = new TokenBuckets({ capacity: 5, refillPerSec: 1, maxKeys: 100 });
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(b.take("1.2.3.4", t0).ok).toBe(true);
    const denied = b.take("1.2.3.4", t0);
    expect(denied).toEqual({ ok: false, retryAfterSec: 1 });
    expect(b.take("5.6.7.8", t0).ok).toBe(true); // other addresses are independent
    expect(b.take("1.2.3.4", t0 + 500).ok).toBe(false);
    expect(b.take("1.2.3.4", t0 + 1600).ok).toBe(true);
    expect(b.take("1.2.3.4", t0 + 1600).ok).toBe(false);
  });

  it("Retry-After grows with the deficit and is at least 1 s", () => {
    const b = new TokenBuckets({ capacity: 1, refillPerSec: 0.1, maxKeys: 10 });
    expect(b.take("a", 0).ok).toBe(true);
    expect(b.take("a", 0)).toEqual({ ok: false, retryAfterSec: 10 });
    expect(b.take("a", 9_500)).toEqual({ ok: false, retryAfterSec: 1 });
  });

  it("a viewer watching and seeking never hits the production limit; a flood does", () => {
    const b = new TokenBuckets(SHARE_RATE_LIMIT);
    let t = 0;
    // Page + poster + 30 Range requests within 3 seconds, then one seek every 2 s for 10 minutes.
    for (let i = 0; i < 32; i++) expect(b.take("viewer", (t += 100)).ok).toBe(true);
    for (let i = 0; i < 300; i++) {
      for (let k = 0; k < 3; k++) expect(b.take("viewer", (t += 10)).ok).toBe(true);
      t += 2000;
    }
    let denied = 0;
    for (let i = 0; i < 500; i++) if (!b.take("flood", t).ok) denied++;
    expect(denied).toBe(500 - SHARE_RATE_LIMIT.capacity);
  });

  it("tracks a bounded number of addresses, evicting the least recently seen", () => {
    const b = new TokenBuckets({ capacity: 1, refillPerSec: 0.001, maxKeys: 3 });
    b.take("a", 0);
    b.take("b", 0);
    b.take("c", 0);
    expect(b.take("a", 1).ok).toBe(false); // a is now the most recently seen
    b.take("d", 2); // evicts b
    expect(b.size).toBe(3);
    expect(b.take("a", 3).ok).toBe(false); // still tracked
    expect(b.take("b", 3).ok).toBe(true); // forgotten: a fresh bucket
    for (let i = 0; i < 1000; i++) b.take(`ip-${i}`, 4);
    expect(b.size).toBe(3);
  });
});
