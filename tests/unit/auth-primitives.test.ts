import { describe, expect, it } from "vitest";
import { delayAfter, FREE_FAILURES, normalizeEmail, WINDOW_MS } from "@/lib/server/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    for (const stored of ["", "plain", "bcrypt$x", "scrypt$1$2$3", "scrypt$32768$8$1$$"]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
  });

  it("normalizes Unicode so the same visible password verifies", async () => {
    const h = await hashPassword("ｐａｓｓｗｏｒｄ１２３"); // full-width
    expect(await verifyPassword("password123", h)).toBe(true);
  });
});

describe("login throttle schedule", () => {
  it("is free for 5 failures, then doubles from 30 s, capped at the 15 min window", () => {
    expect(FREE_FAILURES).toBe(5);
    expect([0, 4].map(delayAfter)).toEqual([0, 0]);
    expect([5, 6, 7, 8].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delayAfter(40)).toBe(WINDOW_MS);
  });

  it("normalizes emails", () => {
    expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com");
  });
});
