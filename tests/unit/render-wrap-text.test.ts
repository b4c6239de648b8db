import { describe, expect, it } from "vitest";
import { fitText, normalizePrompt, textWidthEm, wrapText } from "@/lib/simulator/render/wrap-text";

describe("wrapText", () => {
  it("breaks CJK between any two characters, at the width limit", () => {
    const lines = wrapText("一只橘猫在雨后的东京街头慢慢走过", 6);
    expect(lines).toEqual(["一只橘猫在雨", "后的东京街头", "慢慢走过"]);
  });

  it("breaks Latin only at spaces and never loses a word", () => {
    const text = "A ginger cat strolls through a rainy Tokyo street at night";
    const lines = wrapText(text, 10);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(10);
    expect(lines.every((l) => !l.startsWith(" ") && !l.endsWith(" "))).toBe(true);
  });

  it("mixes CJK and Latin on one line", () => {
    const lines = wrapText("樱花 cherry blossom 飘落", 8);
    expect(lines.join("").replace(/\s/g, "")).toBe("樱花cherryblossom飘落");
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(8);
  });

  it("keeps closing punctuation off the start of a line", () => {
    const lines = wrapText("一二三四五，六七八", 5);
    expect(lines[0]).toBe("一二三四五，");
    expect(lines.some((l) => l.startsWith("，"))).toBe(false);
  });

  it("hard-splits a word wider than a line", () => {
    const url = "https://example.com/" + "x".repeat(60);
    const lines = wrapText(`see ${url} now`, 12);
    expect(lines.join("").replace(/\s/g, "")).toBe(`see${url}now`);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(12);
  });

  it("counts full-width characters as 1 em and Latin as about half", () => {
    expect(textWidthEm("东京")).toBe(2);
    expect(textWidthEm("Tokyo")).toBeGreaterThan(2);
    expect(textWidthEm("Tokyo")).toBeLessThan(4);
  });

  it("returns no lines for empty or blank text", () => {
    expect(wrapText("", 10)).toEqual([]);
    expect(wrapText("   \n\t ", 10)).toEqual([]);
  });
});

describe("normalizePrompt", () => {
  it("collapses whitespace, strips control characters and applies NFC", () => {
    expect(normalizePrompt("  a\u0000b\n\nc\u2028d  ")).toBe("a b c d");
    expect(normalizePrompt("cafe\u0301")).toBe("caf\u00e9");
    expect(normalizePrompt(undefined)).toBe("");
  });
});

describe("fitText", () => {
  const box = { widthPx: 1000, heightPx: 500, fontSizes: [80, 60, 40], lineHeight: 1.25 };

  it("uses the largest font size for a short prompt", () => {
    expect(fitText("一只猫", box)).toEqual({ fontSize: 80, lines: ["一只猫"], truncated: false });
  });

  it("shrinks the font until the text fits the box height", () => {
    // 80 px: 12 CJK chars per line, 5 lines fit; 100 chars need 9 lines. 60 px: 16/line, 6 lines; 40 px: 25/line, 10 lines.
    const fitted = fitText("字".repeat(100), box);
    expect(fitted.fontSize).toBe(40);
    expect(fitted.lines).toHaveLength(4);
    expect(fitted.truncated).toBe(false);
  });

  it("cuts an overlong prompt and ends it with an ellipsis", () => {
    const fitted = fitText("字".repeat(512), box);
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines).toHaveLength(10);
    expect(fitted.lines.at(-1)?.endsWith("…")).toBe(true);
    for (const line of fitted.lines) expect(textWidthEm(line)).toBeLessThanOrEqual(1000 / 40);
  });

  it("respects maxLines", () => {
    const fitted = fitText("word ".repeat(200), { ...box, maxLines: 2 });
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.truncated).toBe(true);
  });
});
