import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env";
import { type MediaUrlKey, mediaUrlExpiry, signMediaUrl, verifyMediaUrl } from "@/lib/server/media/signed-url";

// Signing and checking signed media URLs: expiry, audience, path swap, tampering, both signature
// forms. The known answers were computed outside the code under test with openssl, e.g.
//   printf '%s' '1900000000|/api/media/signed/clips/abc/video.mp4|u.user1|<secret>' | openssl md5 -binary | base64 | tr '+/' '-_' | tr -d =
// which is exactly what nginx's `secure_link_md5 "$secure_link_expires|$uri|$arg_a|<secret>"` computes.

const SECRET = "0123456789abcdef0123456789abcdef";
const HMAC: MediaUrlKey = { signing: "hmac", secret: SECRET };
const MD5: MediaUrlKey = { signing: "nginx-md5", secret: SECRET };
const EXPIRES = 1_900_000_000;
const NOW = (EXPIRES - 60) * 1000;
const KEY = "clips/abc/video.mp4";

function split(url: string): [string, string] {
  const q = url.indexOf("?");
  return [url.slice(0, q), url.slice(q)];
}

const check = (k: MediaUrlKey, url: string, now = NOW) => verifyMediaUrl(k, ...split(url), now);

describe("signMediaUrl", () => {
  it("matches the independently computed signatures of both forms", () => {
    expect(signMediaUrl(MD5, { key: KEY, expires: EXPIRES, audience: "u.user1" })).toBe(
      "/api/media/signed/clips/abc/video.mp4?e=1900000000&a=u.user1&s=KUK8p-NQMicXoEL9mLPrxg",
    );
    expect(signMediaUrl(HMAC, { key: KEY, expires: EXPIRES, audience: "u.user1" })).toBe(
      "/api/media/signed/clips/abc/video.mp4?e=1900000000&a=u.user1&s=krIs4dc9awPgXEXAB2rFSUGIjRtAb7nXh7rLnwCc44E",
    );
  });

  it("refuses keys and audiences that would need encoding or escape the storage root", () => {
    expect(() => signMediaUrl(HMAC, { key: "../etc/passwd", expires: EXPIRES, audience: "u.x" })).toThrow(/invalid storage key/);
    expect(() => signMediaUrl(HMAC, { key: KEY, expires: EXPIRES, audience: "u.a&s=x" })).toThrow(/invalid audience/);
    expect(() => signMediaUrl(HMAC, { key: KEY, expires: EXPIRES, audience: "x.abc" })).toThrow(/invalid audience/);
  });
});

describe.each([
  ["hmac", HMAC],
  ["nginx-md5", MD5],
] as const)("verifyMediaUrl (%s)", (_name, k) => {
  const url = signMediaUrl(k, { key: KEY, expires: EXPIRES, audience: "u.user1" });

  it("accepts what it issued until the expiry second, then says expired", () => {
    expect(check(k, url)).toEqual({ ok: true, key: KEY, expires: EXPIRES, audience: "u.user1" });
    expect(check(k, url, EXPIRES * 1000 + 999).ok).toBe(true);
    expect(check(k, url, (EXPIRES + 1) * 1000)).toEqual({ ok: false, reason: "expired" });
  });

  it("never opens another object with the same signature (path swap)", () => {
    const other = url.replace("clips/abc/", "clips/abd/");
    expect(check(k, other)).toEqual({ ok: false, reason: "invalid" });
    expect(check(k, url.replace("video.mp4", "poster.jpg"))).toEqual({ ok: false, reason: "invalid" });
    expect(check(k, url.replace("/signed/clips/", "/signed/clips/../clips/"))).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a changed expiry, audience, download name or signature, and a foreign secret", () => {
    expect(check(k, url.replace(`e=${EXPIRES}`, `e=${EXPIRES + 3600}`))).toEqual({ ok: false, reason: "invalid" });
    expect(check(k, url.replace("a=u.user1", "a=u.user2"))).toEqual({ ok: false, reason: "invalid" });
    const sig = /s=([^&]+)/.exec(url)![1]!;
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(check(k, url.replace(`s=${sig}`, `s=${flipped}`))).toEqual({ ok: false, reason: "invalid" });
    expect(check(k, url.replace(`s=${sig}`, "s="))).toEqual({ ok: false, reason: "invalid" });
    expect(check(k, url.replace(/&s=.*/, ""))).toEqual({ ok: false, reason: "invalid" });
    expect(check({ ...k, secret: `${SECRET}x` }, url)).toEqual({ ok: false, reason: "invalid" });
    // A rotated secret makes even an expired URL "invalid", not "expired": nothing is learned from it.
    expect(check({ ...k, secret: `${SECRET}x` }, url, (EXPIRES + 10) * 1000)).toEqual({ ok: false, reason: "invalid" });
  });

  it("reads the first of repeated parameters, as nginx does, so appending one changes nothing", () => {
    expect(check(k, `${url}&e=${EXPIRES + 99999}&a=s.other`).ok).toBe(true);
  });

  it("does not accept the other form's signature", () => {
    const otherForm = signMediaUrl(k === HMAC ? MD5 : HMAC, { key: KEY, expires: EXPIRES, audience: "u.user1" });
    expect(check(k, otherForm)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("mediaUrlExpiry", () => {
  it("rounds up to a quarter of the lifetime: one URL per step, living ttl to 1.25 × ttl", () => {
    const ttl = 600;
    const t0 = 1_900_000_000_000;
    const e0 = mediaUrlExpiry(t0, ttl);
    expect(e0 % 150).toBe(0);
    expect(e0 - t0 / 1000).toBeGreaterThanOrEqual(ttl);
    expect(e0 - t0 / 1000).toBeLessThan(ttl + 150);
    for (let s = 0; s < 1000; s += 37) {
      const now = t0 + s * 1000;
      const e = mediaUrlExpiry(now, ttl);
      expect(e - Math.floor(now / 1000)).toBeGreaterThanOrEqual(ttl);
      expect(e - Math.floor(now / 1000)).toBeLessThanOrEqual(ttl + 150);
    }
  });
});

describe("MEDIA_URL_* configuration", () => {
  it("defaults to HMAC with a derived secret and requires a secret nginx can hold for nginx-md5", () => {
    const e = parseEnv({});
    expect(e.MEDIA_URL_SIGNING).toBe("hmac");
    expect(e.MEDIA_URL_SECRET).toBeUndefined();
    expect(e.MEDIA_URL_TTL_SECONDS).toBe(600);
    expect(() => parseEnv({ MEDIA_URL_SIGNING: "nginx-md5" })).toThrow(/MEDIA_URL_SECRET: required when MEDIA_URL_SIGNING=nginx-md5/);
    expect(parseEnv({ MEDIA_URL_SIGNING: "nginx-md5", MEDIA_URL_SECRET: SECRET }).MEDIA_URL_SECRET).toBe(SECRET);
    for (const bad of ["short", `${SECRET}"; return 200`, `${SECRET} x`, `$${SECRET}`]) {
      expect(() => parseEnv({ MEDIA_URL_SECRET: bad }), bad).toThrow(/MEDIA_URL_SECRET/);
    }
    expect(() => parseEnv({ MEDIA_URL_TTL_SECONDS: "5" })).toThrow(/MEDIA_URL_TTL_SECONDS/);
  });
});
