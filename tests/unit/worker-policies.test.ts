import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowered, recovered, RECOVER_ACCEPTS } from "@/lib/server/jobs/lane-cap";
import { backoffMs, queueBackoff, submitBackoff } from "@/lib/server/jobs/backoff";
import { nextBreakerState, probeDue } from "@/lib/server/jobs/breaker";
import { mediaPolicy } from "@/lib/server/net/fetch-to-file";

// Pure policies of the worker: full-jitter backoff bounds, breaker transitions and probe spacing,
// the adaptive (AIMD) cap, and the download allowlist built from the upstream's media origins.

describe("backoff with full jitter", () => {
  it("stays within [0, min(max, base·2^(n-1))) for every attempt and random draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const p = submitBackoff(1);
        const d = backoffMs(n, p, () => r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(p.maxMs, p.baseMs * 2 ** (n - 1)));
      }),
    );
  });
  it("spreads retries: the mean is about half the exponential bound, the cap is 60 s", () => {
    const draws = Array.from({ length: 4000 }, () => backoffMs(10, submitBackoff(1)));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.max(...draws)).toBeLessThan(60_000);
    expect(mean).toBeGreaterThan(27_000);
    expect(mean).toBeLessThan(33_000);
    expect(queueBackoff(10).maxMs).toBe(6_000);
  });
});

describe("breaker", () => {
  const at = new Date("2026-01-01T00:00:00Z");
  it("opens on an account-level error, keeps its start time, closes on an accepted create", () => {
    const open = nextBreakerState({ open: false }, { type: "breaker-error", code: "1113", message: "余额不足", at });
    expect(open).toEqual({ open: true, code: "1113", message: "余额不足", since: at.toISOString() });
    const later = new Date(at.getTime() + 60_000);
    expect(nextBreakerState(open, { type: "breaker-error", code: "1113", message: "x", at: later })).toBe(open);
    expect(nextBreakerState(open, { type: "breaker-error", code: "401", message: "x", at: later }).since).toBe(at.toISOString());
    expect(nextBreakerState(open, { type: "accepted" })).toEqual({ open: false });
    const closed = { open: false };
    expect(nextBreakerState(closed, { type: "accepted" })).toBe(closed);
  });
  it("allows one probe per interval", () => {
    expect(probeDue(null, at, 60_000)).toBe(true);
    expect(probeDue(at, new Date(at.getTime() + 59_999), 60_000)).toBe(false);
    expect(probeDue(at, new Date(at.getTime() + 60_000), 60_000)).toBe(true);
  });
});

describe("adaptive cap", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("drops below what was in flight when 1302 arrives, never below 1", () => {
    expect(lowered(null, 5, 4, now).cap).toBe(3);
    expect(lowered({ cap: 2, accepts: 3, changedAt: now.toISOString() }, 5, 5, now)).toMatchObject({ cap: 1, accepts: 0 });
    expect(lowered({ cap: 1, accepts: 0, changedAt: now.toISOString() }, 5, 1, now).cap).toBe(1);
  });
  it("wins one slot back per RECOVER_ACCEPTS accepts or per quiet period, up to the configured cap", () => {
    let s = lowered(null, 5, 3, now);
    for (let i = 0; i < RECOVER_ACCEPTS - 1; i++) s = recovered(s, 5, now, 1, true);
    expect(s.cap).toBe(2);
    s = recovered(s, 5, now, 1, true);
    expect(s.cap).toBe(3);
    s = recovered(s, 5, new Date(now.getTime() + 5 * 60_000), 1, false);
    expect(s.cap).toBe(4);
    expect(recovered({ cap: 5, accepts: 0, changedAt: now.toISOString() }, 5, now, 1, true).cap).toBe(5);
  });
});

describe("media allowlist", () => {
  it("allows https CDN hosts by name and other origins (the simulator) exactly", () => {
    expect(mediaPolicy(["https://aigc-files.bigmodel.cn", "http://127.0.0.1:4010", "https://cdn.example:8443"])).toEqual({
      allowHosts: ["aigc-files.bigmodel.cn"],
      allowOrigins: ["http://127.0.0.1:4010", "https://cdn.example:8443"],
      anyPublicHost: false,
    });
  });
});
