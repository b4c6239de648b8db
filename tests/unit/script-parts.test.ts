import { describe, expect, it } from "vitest";
import { parseBreakdownAnswer } from "@/lib/shared/script-breakdown-parse";
import { approxTokens } from "@/lib/shared/upstream/chat-schemas";
import { BREAKDOWN_MAX_TOKENS, estimatedAnswerTokens, PART_ANSWER_BUDGET, partContexts, splitScript } from "@/lib/shared/script-parts";
import { scriptBreakdownAnswer } from "@/lib/simulator/script-breakdown-answer";

// A long script → parts one answer each can hold: every part within the budget, the parts together
// exactly the script, cut at scene headings first, then blank lines, line starts and sentence ends,
// never inside a spoken line or a sentence unless one alone is over the budget; and what a later part
// is told of the script before it.

function expectParts(script: string, budget = PART_ANSWER_BUDGET): string[] {
  const parts = splitScript(script, budget);
  expect(parts.join("")).toBe(script);
  for (const p of parts) {
    expect(p.trim()).not.toBe("");
    expect(estimatedAnswerTokens(p, budget)).toBeLessThanOrEqual(budget);
  }
  return parts;
}

const zhScene = (i: number) => [`内景 第${i}号房间 夜`, `小林推门走进第${i}号房间。她四处张望！灯光忽明忽暗……`, "小林：有人在吗？", `老板：我们第${i}次打烊了。`, "", "小林转身离开，雨越下越大。"].join("\n");
const enScene = (i: number) =>
  [`INT. WAREHOUSE ${i} - NIGHT`, `Mara slips through the door of warehouse ${i}. Rain hammers the roof! Is anyone there?`, "MARA: Hello? Anyone here?", `GUARD: We closed at ${i}.5 p.m., miss.`, "", "She backs out into the rain."].join("\n");

describe("splitting a script into parts", () => {
  it("keeps a short script whole", () => {
    expect(splitScript("内景 咖啡馆 夜\n小林：有人在吗？")).toEqual(["内景 咖啡馆 夜\n小林：有人在吗？"]);
  });

  it("cuts a long Chinese script at scene headings, each part within the budget", () => {
    const script = Array.from({ length: 80 }, (_, i) => zhScene(i + 1)).join("\n");
    const parts = expectParts(script);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p).toMatch(/^内景 第\d+号房间 夜\n/);
  });

  it("cuts a long English script at scene headings and keeps 5.5 p.m. and spoken lines whole", () => {
    const script = Array.from({ length: 60 }, (_, i) => enScene(i + 1)).join("\n");
    const parts = expectParts(script);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p).toMatch(/^INT\. WAREHOUSE \d+ - NIGHT\n/);
  });

  it("without headings, cuts at blank lines, and never inside a spoken line", () => {
    const paragraph = (i: number) => `小林：这是第${i}段的台词，她说得很慢，很慢。\n她走到窗边，看着外面的雨。`;
    const script = Array.from({ length: 120 }, (_, i) => paragraph(i)).join("\n\n");
    const parts = expectParts(script);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p).toMatch(/^小林：这是第\d+段的台词/);
      // Every spoken line in a part is whole.
      for (const line of p.split("\n").filter((l) => l.startsWith("小林："))) expect(line).toMatch(/很慢。$/);
    }
  });

  it("splits one huge paragraph at sentence ends (zh 。！？… and en .!?)", () => {
    const zh = Array.from({ length: 600 }, (_, i) => `第${i}个镜头里${["她笑了。", "他跑了！", "谁来了？", "风停了……"][i % 4]}`).join("");
    for (const p of expectParts(zh)) expect(p).toMatch(/[。！？…]$/u);
    const en = Array.from({ length: 500 }, (_, i) => `The courier crosses bridge ${i} at 6.30 a.m.${["", "!", "?"][i % 3]}`).join(" ");
    const parts = expectParts(en);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.trimEnd()).toMatch(/[.!?]$/);
  });

  it("cuts inside a single sentence only when it alone is over the budget", () => {
    const sentence = "长".repeat(5_000) + "。";
    const parts = expectParts(`开场。\n${sentence}\n结尾。`);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0]).toBe("开场。\n");
    expect(parts.at(-1)!.endsWith("结尾。")).toBe(true);
    const noSpaces = "x".repeat(20_000);
    expectParts(noSpaces);
  });

  it("keeps CRLF scripts whole after normalising line ends", () => {
    const script = Array.from({ length: 40 }, (_, i) => zhScene(i)).join("\n");
    expect(splitScript(script.replace(/\n/g, "\r\n")).join("")).toBe(script);
  });

  it("the simulator's answer to every part fits in one answer and reads as shots", () => {
    const script = [...Array.from({ length: 40 }, (_, i) => zhScene(i)), ...Array.from({ length: 30 }, (_, i) => enScene(i))].join("\n");
    for (const part of expectParts(script)) {
      const answer = scriptBreakdownAnswer(part.trim());
      expect(approxTokens(answer)).toBeLessThanOrEqual(BREAKDOWN_MAX_TOKENS);
      expect(parseBreakdownAnswer(answer, "stop").ok).toBe(true);
    }
  });
});

describe("the context of a later part", () => {
  it("names the scene in progress and the speakers seen before it", () => {
    const parts = ["内景 咖啡馆 夜\n小林：有人在吗？\n老板：打烊了。\n", "她转身离开。\n外景 街道 雨\n司机说：去哪儿？\n", "小林：回家。"];
    expect(partContexts(parts)).toEqual([
      { scene: null, characters: [] },
      { scene: "内景 咖啡馆 夜", characters: ["小林", "老板"] },
      { scene: "外景 街道 雨", characters: ["小林", "老板", "司机"] },
    ]);
  });
});
