import { describe, expect, it } from "vitest";
import { SafeFetchError, type SafeFetchErrorCode } from "@/lib/server/net/safe-fetch-error";
import { checkUrl, compileUrlPolicy } from "@/lib/server/net/url-policy";

const policy = compileUrlPolicy({
  allowHosts: ["cdn.example.com", "*.media.example.net"],
  allowOrigins: ["http://127.0.0.1:4010", "http://localhost:4011/"],
});

function codeOf(url: string): SafeFetchErrorCode | "ok" {
  try {
    checkUrl(url, policy);
    return "ok";
  } catch (e) {
    if (e instanceof SafeFetchError) return e.code;
    throw e;
  }
}

describe("URL policy", () => {
  it.each<[string, SafeFetchErrorCode | "ok"]>([
    ["https://cdn.example.com/a.mp4?sig=1", "ok"],
    ["https://CDN.Example.COM./a.mp4", "ok"],
    ["https://a.media.example.net/v.mp4", "ok"],
    ["https://a.b.media.example.net/v.mp4", "ok"],
    ["https://media.example.net/v.mp4", "blocked_host"], // wildcard means subdomains only
    ["https://evilmedia.example.net/v.mp4", "blocked_host"],
    ["https://cdn.example.com.evil.com/", "blocked_host"],
    ["https://evil.com/cdn.example.com", "blocked_host"],
    ["http://cdn.example.com/a.mp4", "blocked_scheme"],
    ["ftp://cdn.example.com/a", "blocked_scheme"],
    ["file:///etc/passwd", "blocked_scheme"],
    ["gopher://cdn.example.com/", "blocked_scheme"],
    ["data:text/plain,hi", "blocked_scheme"],
    ["https://cdn.example.com:8443/", "blocked_host"],
    ["https://user:pw@cdn.example.com/", "blocked_host"],
    ["https://cdn.example.com@127.0.0.1/", "blocked_host"],
    ["https://127.0.0.1/", "blocked_host"],
    ["https://[::1]/", "blocked_host"],
    ["https://0x7f000001/", "blocked_host"],
    ["https://2130706433/", "blocked_host"],
    ["https://8.8.8.8/", "blocked_host"],
    ["not a url", "blocked_host"],
    ["http://127.0.0.1:4010/file.mp4", "ok"],
    ["http://127.0.0.1:4011/file.mp4", "blocked_scheme"], // port is part of the origin
    ["https://127.0.0.1:4010/file.mp4", "blocked_host"], // scheme is part of the origin
    ["http://localhost:4011/x", "ok"],
    ["http://localhost:4010/x", "blocked_scheme"],
    ["http://u:p@127.0.0.1:4010/x", "blocked_host"],
  ])("%s → %s", (url, code) => {
    expect(codeOf(url)).toBe(code);
  });

  it("marks allowOrigins as trusted and nothing else", () => {
    expect(checkUrl("http://127.0.0.1:4010/x", policy).trusted).toBe(true);
    expect(checkUrl("https://cdn.example.com/x", policy).trusted).toBe(false);
  });

  it("rejects bad configuration loudly", () => {
    expect(() => compileUrlPolicy({ allowHosts: ["127.0.0.1"] })).toThrow(TypeError);
    expect(() => compileUrlPolicy({ allowHosts: ["exa mple.com"] })).toThrow(TypeError);
    expect(() => compileUrlPolicy({ allowHosts: [], allowOrigins: ["file:///x"] })).toThrow(TypeError);
    expect(() => compileUrlPolicy({ allowHosts: [], allowOrigins: ["nope"] })).toThrow(TypeError);
  });
});
