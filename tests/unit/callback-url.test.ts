import { describe, expect, it } from "vitest";
import { safeCallbackUrl, withCallback } from "@/lib/shared/callback-url";

describe("callback URLs after sign-in / sign-up", () => {
  it("follows same-site relative paths only", () => {
    expect(safeCallbackUrl("/join/abc")).toBe("/join/abc");
    expect(safeCallbackUrl("/teams?x=1")).toBe("/teams?x=1");
    for (const bad of [undefined, "", "https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)", "join/abc"]) {
      expect(safeCallbackUrl(bad), String(bad)).toBe("/");
    }
  });
  it("carries the callback to the next auth page, encoded", () => {
    expect(withCallback("/sign-up", "/")).toBe("/sign-up");
    expect(withCallback("/sign-up", "/join/a b")).toBe("/sign-up?callbackUrl=%2Fjoin%2Fa%20b");
  });
});
