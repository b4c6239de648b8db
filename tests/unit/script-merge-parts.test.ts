import { describe, expect, it } from "vitest";
import type { DraftShot } from "@/lib/shared/script-breakdown";
import { parseBreakdownAnswer } from "@/lib/shared/script-breakdown-parse";
import { mergeParts } from "@/lib/server/script-breakdown/merge-parts";
import { scriptBreakdownAnswer } from "@/lib/simulator/script-breakdown-answer";

// The parts' answers → one draft: in part order, a part that begins mid-scene continuing the scene
// before it, repairs summed, and the 300-shot cap applied and said.

const shot = (scene: string | null, prompt: string): DraftShot => ({ scene, prompt, mode: "text", characters: [], line: null, seconds: 3 });

describe("merging the parts of a breakdown", () => {
  it("keeps part order; shots before a part's first heading continue the scene in progress", () => {
    const merged = mergeParts([
      { kind: "done", shots: [shot("INT. A", "a1"), shot("INT. B", "b1")], repairs: [{ kind: "mode_defaulted", count: 1 }] },
      { kind: "done", shots: [shot(null, "b2"), shot(null, "b3"), shot("INT. C", "c1"), shot(null, "c?")], repairs: [{ kind: "mode_defaulted", count: 2 }] },
    ]);
    expect(merged.shots.map((s) => [s.scene, s.prompt])).toEqual([
      ["INT. A", "a1"],
      ["INT. B", "b1"],
      ["INT. B", "b2"],
      ["INT. B", "b3"],
      ["INT. C", "c1"],
      [null, "c?"],
    ]);
    expect(merged.repairs).toEqual([{ kind: "mode_defaulted", count: 3 }]);
  });

  it("caps the draft at 300 shots and says how many were left out", () => {
    const part = { kind: "done" as const, shots: Array.from({ length: 120 }, (_, i) => shot("S", `p${i}`)), repairs: [] };
    const merged = mergeParts([part, part, part]);
    expect(merged.shots).toHaveLength(300);
    expect(merged.repairs).toEqual([{ kind: "too_many_shots", count: 60 }]);
  });

  it("the simulator continues the scene in progress and knows the characters named in a part's context", () => {
    const system = "Task: script breakdown …\nThis text is part 2 of 3 of one script.\nScene in progress: 内景 咖啡馆 夜\nCharacters so far: 小林, 老板";
    const parsed = parseBreakdownAnswer(scriptBreakdownAnswer("小林转身离开。\n外景 街道 雨\n老板追了出去。", system), "stop");
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.shots.map((s) => [s.scene, s.characters])).toEqual([
      ["内景 咖啡馆 夜", ["小林"]],
      ["外景 街道 雨", ["老板"]],
    ]);
  });
});
