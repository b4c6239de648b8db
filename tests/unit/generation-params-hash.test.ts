import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, paramsHash } from "@/lib/server/generations/params-hash";
import { createGenerationSchema } from "@/lib/shared/generation-schemas";

describe("paramsHash", () => {
  const parse = (v: unknown) => createGenerationSchema.parse(v);
  it("is equal for inputs that normalize equally (defaults, whitespace, key order)", () => {
    const a = parse({ mode: "text", prompt: "fox" });
    const b = parse({ movementAmplitude: "auto", aspectRatio: "16:9", style: "general", prompt: "  fox ", mode: "text" });
    expect(paramsHash(a)).toBe(paramsHash(b));
  });
  it("differs when anything meaningful differs, including the retried clip", () => {
    const a = parse({ mode: "text", prompt: "fox" });
    expect(paramsHash(a)).not.toBe(paramsHash(parse({ mode: "text", prompt: "fox", style: "anime" })));
    expect(paramsHash(a)).not.toBe(paramsHash(a, { retryOfId: "c1" }));
    expect(paramsHash(a, { retryOfId: "c1" })).not.toBe(paramsHash(a, { retryOfId: "c2" }));
    const se = (ids: [string, string]) => parse({ mode: "start-end", uploadIds: ids });
    const u = "a".repeat(32);
    const w = "b".repeat(32);
    expect(paramsHash(se([u, w]))).not.toBe(paramsHash(se([w, u])));
  });
  it("canonicalJson ignores key order and undefined at any depth", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.constant(undefined))), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson({ x: reversed })).toBe(canonicalJson({ x: obj }));
      }),
      { numRuns: 200 },
    );
  });
});
