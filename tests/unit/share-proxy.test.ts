import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

// proxy.ts on share pages: no sign-in needed, the page CSP with a nonce, no-referrer / noindex /
// no-store, and the per-IP rate limit answering 429 with Retry-After.
const TOKEN = "x".repeat(43);
const page = (path: string, ip: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://localhost:3000${path}`, { headers: { "x-framehouse-client-ip": ip, ...headers } });

describe("proxy on /s/*", () => {
  it("lets signed-out visitors in and adds the share headers and the nonce CSP", () => {
    const res = proxy(page(`/s/${TOKEN}`, "192.0.2.1"));
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  });

  it("other pages keep their behaviour (sign-in redirect, no share headers)", () => {
    const res = proxy(page("/gallery", "192.0.2.2"));
    expect(res.status).toBe(307);
    expect(res.headers.get("x-robots-tag")).toBeNull();
    const signedIn = proxy(page("/gallery", "192.0.2.2", { cookie: "next-auth.session-token=abc" }));
    expect(signedIn.headers.get("referrer-policy")).toBeNull();
  });

  it("rate-limits page loads per IP with 429 and Retry-After (localized), other IPs unaffected", async () => {
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 150; i++) {
      const res = proxy(page(`/s/${TOKEN}`, "192.0.2.3", { "accept-language": "zh-CN,zh;q=0.9" }));
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(120);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await limited!.text()).toMatch(/[\u4e00-\u9fff]/);
    expect(proxy(page(`/s/${TOKEN}`, "192.0.2.4")).status).toBe(200);
  });

  it("runs for prefetches too (Purpose: prefetch, Next-Router-Prefetch): same limiter, nonce CSP and no-store", () => {
    for (const headers of [{ purpose: "prefetch" }, { "next-router-prefetch": "1" }, { "next-router-prefetch": "1", purpose: "prefetch", rsc: "1" }] as Record<string, string>[]) {
      for (const url of [`/s/${TOKEN}`, "/gallery", "/sign-up"]) {
        expect(unstable_doesMiddlewareMatch({ config, url, headers: { ...headers } }), `${url} ${JSON.stringify(headers)}`).toBe(true);
      }
      const res = proxy(page(`/s/${TOKEN}`, "198.51.100.5", headers));
      expect(res.headers.get("cache-control"), `${res.status} ${JSON.stringify(headers)}`).toBe("private, no-store");
      expect(res.headers.get("content-security-policy")).toMatch(/'nonce-/);
    }
    let limited = 0;
    for (let i = 0; i < 150; i++) if (proxy(page(`/s/${TOKEN}`, "198.51.100.6", { purpose: "prefetch" })).status === 429) limited++;
    expect(limited).toBeGreaterThan(20);
  });

  it("answers pages on an unconfigured Host with a coded 421 and unknown methods with a coded 405", async () => {
    const rebound = proxy(page("/sign-up", "198.51.100.7", { host: "rebind.attacker.test:3000" }));
    expect(rebound.status).toBe(421);
    expect((await rebound.json()).error.code).toBe("misdirected_request");
    const trace = proxy(new NextRequest("http://localhost:3000/sign-up", { method: "PROPFIND", headers: { host: "localhost:3000" } }));
    expect(trace.status).toBe(405);
    expect(trace.headers.get("allow")).toMatch(/GET/);
    expect(proxy(page("/sign-up", "198.51.100.7", { host: "localhost:3000" })).status).toBe(200);
  });
});
