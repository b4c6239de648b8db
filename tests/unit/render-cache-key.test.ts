import { describe, expect, it } from "vitest";
import { normalizeRenderInput, renderCacheKey } from "@/lib/simulator/render/cache-key";
import type { RenderInput } from "@/lib/simulator/render/render-clip";

const text = (prompt: string, extra: Partial<Extract<RenderInput, { mode: "text" }>> = {}): RenderInput => ({
  mode: "text",
  prompt,
  style: "general",
  aspectRatio: "16:9",
  ...extra,
});

describe("renderCacheKey", () => {
  it("is 64 lowercase hex characters", () => {
    expect(renderCacheKey(text("a cat"), "veryfast")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores whitespace differences and Unicode normalization form of the prompt", () => {
    const base = renderCacheKey(text("一只猫 walks  home"), "veryfast");
    expect(renderCacheKey(text("  一只猫\twalks\n\nhome "), "veryfast")).toBe(base);
    const composed = renderCacheKey(text("caf\u00e9"), "veryfast");
    expect(renderCacheKey(text("cafe\u0301"), "veryfast")).toBe(composed);
  });

  it("changes with every parameter that changes the picture", () => {
    const base = renderCacheKey(text("a cat"), "veryfast");
    expect(renderCacheKey(text("a dog"), "veryfast")).not.toBe(base);
    expect(renderCacheKey(text("a cat", { style: "anime" }), "veryfast")).not.toBe(base);
    expect(renderCacheKey(text("a cat", { aspectRatio: "9:16" }), "veryfast")).not.toBe(base);
    expect(renderCacheKey(text("a cat"), "ultrafast")).not.toBe(base);
  });

  it("hashes image bytes, and treats a missing prompt like an empty one", () => {
    const a = Buffer.from("image-a");
    const b = Buffer.from("image-b");
    const base = renderCacheKey({ mode: "image", image: a }, "veryfast");
    expect(renderCacheKey({ mode: "image", image: Buffer.from("image-a"), prompt: "  " }, "veryfast")).toBe(base);
    expect(renderCacheKey({ mode: "image", image: b }, "veryfast")).not.toBe(base);
    const forward = renderCacheKey({ mode: "start-end", images: [a, b] }, "veryfast");
    expect(renderCacheKey({ mode: "start-end", images: [b, a] }, "veryfast")).not.toBe(forward);
    // Same bytes as an image-mode request must not collide with a start-end request.
    expect(renderCacheKey({ mode: "start-end", images: [a, a] }, "veryfast")).not.toBe(base);
  });

  it("does not carry raw image bytes into the normalized form", () => {
    const normalized = normalizeRenderInput({ mode: "image", image: Buffer.alloc(1000, 7) }, "veryfast");
    expect(JSON.stringify(normalized).length).toBeLessThan(300);
  });
});
