import { describe, expect, it } from "vitest";
import { draftShotSchema } from "@/lib/shared/script-breakdown";
import { parseBreakdownAnswer } from "@/lib/shared/script-breakdown-parse";
import { scriptBreakdownAnswer } from "@/lib/simulator/script-breakdown-answer";

// The text model's answer → the draft shot list: good answers read as they are, cut-off and
// misshapen ones repaired (and said so), unreadable ones refused. Every draft shot must pass the
// schema the accept route applies, so a repaired draft can always be accepted as it is.

const shot = (over: Record<string, unknown> = {}) => ({ prompt: "A lighthouse at dusk, slow push-in.", mode: "text", characters: ["Ana"], line: "Here we are.", duration: 4, ...over });
const answer = (scenes: unknown) => JSON.stringify({ scenes });

function parsedOk(content: string, finish = "stop") {
  const parsed = parseBreakdownAnswer(content, finish);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.reason}`);
  for (const s of parsed.shots) expect(draftShotSchema.safeParse(s).success, JSON.stringify(s)).toBe(true);
  return parsed;
}

describe("script breakdown answers", () => {
  it("reads a good answer: scenes, headings, modes, characters, lines, seconds", () => {
    const p = parsedOk(answer([{ heading: "EXT. PIER - DUSK", shots: [shot(), shot({ mode: "chain", line: "", characters: [] })] }, { heading: "INT. CAFE", shots: [shot({ mode: "image", duration: 2 })] }]));
    expect(p.repairs).toEqual([]);
    expect(p.shots).toEqual([
      { scene: "EXT. PIER - DUSK", prompt: "A lighthouse at dusk, slow push-in.", mode: "text", characters: ["Ana"], line: "Here we are.", seconds: 4 },
      { scene: "EXT. PIER - DUSK", prompt: "A lighthouse at dusk, slow push-in.", mode: "chain", characters: [], line: null, seconds: 4 },
      { scene: "INT. CAFE", prompt: "A lighthouse at dusk, slow push-in.", mode: "image", characters: ["Ana"], line: "Here we are.", seconds: 2 },
    ]);
  });

  it("a cut-off answer keeps its complete shots, drops the incomplete one and says it was truncated", () => {
    const full = answer([{ heading: "A", shots: [shot({ prompt: "one" }), shot({ prompt: "two" })] }, { heading: "B", shots: [shot({ prompt: "three" }), shot({ prompt: "four" })] }]);
    const cut = full.slice(0, full.indexOf('"four"') + 3);
    const p = parsedOk(cut, "length");
    expect(p.shots.map((s) => [s.scene, s.prompt])).toEqual([["A", "one"], ["A", "two"], ["B", "three"]]);
    expect(p.repairs).toEqual([{ kind: "truncated", count: 1 }]);
    // Cut inside a string, an escape or between fields: always the complete shots before the cut.
    for (let end = full.indexOf('"three"'); end < full.length - 3; end += 7) {
      const q = parsedOk(full.slice(0, end), "length");
      expect(q.shots.length).toBeGreaterThanOrEqual(2);
      expect(q.shots.every((s) => ["one", "two", "three", "four"].includes(s.prompt))).toBe(true);
    }
  });

  it("complete JSON that still ended on max_tokens is flagged truncated", () => {
    expect(parsedOk(answer([{ heading: "A", shots: [shot()] }]), "length").repairs).toEqual([{ kind: "truncated", count: 1 }]);
  });

  it("refuses what holds no shot at all", () => {
    expect(parseBreakdownAnswer("I cannot help with that.", "stop")).toEqual({ ok: false, reason: "not_json" });
    expect(parseBreakdownAnswer('{"scenes": [{"heading": "A", "shots": [{"prom', "length")).toEqual({ ok: false, reason: "not_json" });
    expect(parseBreakdownAnswer('{"scenes": []}', "stop")).toEqual({ ok: false, reason: "no_shots" });
    expect(parseBreakdownAnswer('{"text": "a summary"}', "stop")).toEqual({ ok: false, reason: "no_shots" });
    expect(parseBreakdownAnswer(answer([{ heading: "A", shots: [shot({ prompt: "  " }), 42] }]), "stop")).toEqual({ ok: false, reason: "no_shots" });
  });

  it("mends other shapes: code fences, a flat shot list, a bare array, strings for numbers and lists, unknown modes", () => {
    const fenced = parsedOk("Here is the breakdown:\n```json\n" + answer([{ heading: "A", shots: [shot()] }]) + "\n```");
    expect(fenced.shots).toHaveLength(1);
    const flat = parsedOk(JSON.stringify({ shots: [shot({ scene: "Kitchen" }), shot()] }));
    expect(flat.shots.map((s) => s.scene)).toEqual(["Kitchen", null]);
    const bare = parsedOk(JSON.stringify([{ title: "A", shots: [shot()] }]));
    expect(bare.shots[0]?.scene).toBe("A");
    const odd = parsedOk(answer([{ heading: "A", shots: [shot({ duration: "3s", characters: "Ana, Bo、Ana", mode: "zoom" }), shot({ duration: 9 }), shot({ duration: undefined, mode: "I2V" }), "not a shot"] }]));
    expect(odd.shots.map((s) => [s.seconds, s.mode, s.characters])).toEqual([
      [3, "text", ["Ana", "Bo"]],
      [5, "text", ["Ana"]],
      [5, "image", ["Ana"]],
    ]);
    expect(odd.repairs).toEqual(
      expect.arrayContaining([
        { kind: "mode_defaulted", count: 1 },
        { kind: "duration_clamped", count: 2 },
        { kind: "shot_dropped", count: 1 },
      ]),
    );
  });

  it("cuts over-long prompts to 512 code points, lines to 200, headings to 120, and removes control characters", () => {
    const long = "长".repeat(700);
    const p = parsedOk(answer([{ heading: "H".repeat(300), shots: [shot({ prompt: `😀${long}`, line: "l".repeat(250) }), shot({ prompt: "bell\u0007 and\u202Ebidi", line: "two\nlines" })] }]));
    expect([...p.shots[0]!.prompt].length).toBe(512);
    expect(p.shots[0]!.prompt.startsWith("😀长")).toBe(true);
    expect(p.shots[0]!.line).toHaveLength(200);
    expect(p.shots[0]!.scene).toHaveLength(120);
    expect(p.shots[1]!.prompt).toBe("bell andbidi");
    expect(p.shots[1]!.line).toBe("two lines");
    expect(p.repairs).toEqual(expect.arrayContaining([{ kind: "prompt_clamped", count: 1 }, { kind: "line_clamped", count: 1 }]));
  });

  it("keeps at most 300 shots and counts the rest", () => {
    const p = parsedOk(answer([{ heading: "A", shots: Array.from({ length: 305 }, (_, i) => shot({ prompt: `shot ${i}` })) }]));
    expect(p.shots).toHaveLength(300);
    expect(p.repairs).toEqual([{ kind: "too_many_shots", count: 5 }]);
  });

  it("reads the simulator's breakdown of a Chinese script: headings, dialogue, chained action", () => {
    const script = "内景 咖啡馆 夜\n小林推门走进咖啡馆。她四处张望。\n小林：有人在吗？\n外景 街道 雨\n小林撑伞离开。";
    const p = parsedOk(scriptBreakdownAnswer(script));
    expect(p.repairs).toEqual([]);
    expect(p.shots.map((s) => [s.scene, s.mode, s.line, s.characters])).toEqual([
      ["内景 咖啡馆 夜", "text", null, ["小林"]],
      ["内景 咖啡馆 夜", "chain", null, []],
      ["内景 咖啡馆 夜", "image", "有人在吗？", ["小林"]],
      ["外景 街道 雨", "text", null, ["小林"]],
    ]);
    expect(p.shots[0]!.prompt).toContain("小林推门走进咖啡馆");
  });
});
