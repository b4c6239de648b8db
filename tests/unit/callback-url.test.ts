import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasCharsBrowsersRewrite, safeCallbackUrl, withCallback } from "@/lib/shared/callback-url";

const ORIGIN = "https://studio.example";

/** Where a browser would land following `href` from a page on ORIGIN (it drops tabs and newlines first). */
function landing(href: string): URL {
  return new URL(href.replace(/[\t\n\r]/g, ""), `${ORIGIN}/sign-in`);
}

// Strings built from the characters that matter to URL parsing, so the generator reaches "//", "/\",
// "/\t/", "/./", "%2f" and friends far more often than random Unicode would.
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom("/", "\\", "\t", "\n", "\r", " ", "\u00a0", "\u2028", "\u0000", "\u007f", ".", "..", ":", "@", "?", "#", "%", "%2f", "%5c", "%09", "evil.example", "http:", "javascript:", "a"),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("callback URLs after sign-in / sign-up", () => {
  it("follows same-site relative paths only", () => {
    expect(safeCallbackUrl("/join/abc")).toBe("/join/abc");
    expect(safeCallbackUrl("/teams?x=1")).toBe("/teams?x=1");
    expect(["/\t", "/a\u0000", "/\u0085", "/\u00a0", "/\\"].filter(hasCharsBrowsersRewrite)).toHaveLength(5);
    for (const bad of [undefined, "", "https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)", "join/abc", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/ /evil.example", "/./\\evil.example", "/.//evil.example"]) {
      expect(safeCallbackUrl(bad), JSON.stringify(bad)).toBe("/");
    }
  });

  // 5,000 generated strings take about a second idle and over 5 s beside a production build: the
  // limit below is a hang deadline, not a time budget.
  it("always answers a path that keeps the browser on the same origin (property)", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(tricky, tricky.map((s) => `/${s}`), fc.string(), fc.webUrl()), (raw) => {
        const out = safeCallbackUrl(raw);
        expect(out.startsWith("/")).toBe(true);
        expect(hasCharsBrowsersRewrite(out)).toBe(false);
        expect(landing(out).origin).toBe(ORIGIN);
        // Followed once more (the sign-up page hands it to sign-in), it is still the same answer.
        expect(safeCallbackUrl(out)).toBe(out);
      }),
      { numRuns: 5000 },
    );
  });

  it("carries the callback to the next auth page, encoded", () => {
    expect(withCallback("/sign-up", "/")).toBe("/sign-up");
    expect(withCallback("/sign-up", "/join/a b")).toBe("/sign-up?callbackUrl=%2Fjoin%2Fa%20b");
  });
});
