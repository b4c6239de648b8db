import { createHash } from "node:crypto";
import type { RenderInput } from "./render-clip";
import { normalizePrompt } from "./wrap-text";

// Identical requests must map to one cached clip, so the key hashes a normalized description of
// what the clip shows: prompt whitespace/Unicode form does not matter, image bytes do.
// Bump RENDERER_VERSION whenever the look of a clip changes, so stale caches are not served.

const RENDERER_VERSION = 2;

function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export function normalizeRenderInput(input: RenderInput, preset: string): Record<string, unknown> {
  const common = { v: RENDERER_VERSION, preset, mode: input.mode, prompt: normalizePrompt(input.prompt) };
  switch (input.mode) {
    case "text":
      return { ...common, style: input.style, aspectRatio: input.aspectRatio };
    case "image":
      return { ...common, images: [sha256Hex(input.image)] };
    case "start-end":
      return { ...common, images: input.images.map((b) => sha256Hex(b)) };
  }
}

/** 64 hex chars; safe as a file name. */
export function renderCacheKey(input: RenderInput, preset: string): string {
  const normalized = normalizeRenderInput(input, preset);
  // Keys are listed explicitly in a fixed order above, so JSON.stringify is a stable encoding.
  return sha256Hex(JSON.stringify(normalized));
}
