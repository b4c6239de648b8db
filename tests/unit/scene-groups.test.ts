import { describe, expect, it } from "vitest";
import { sceneGroups } from "@/lib/shared/film/scene-groups";

const shot = (id: string, sceneHeading: string | null = null) => ({ id, sceneHeading });

describe("sceneGroups", () => {
  it("is empty for no shots", () => {
    expect(sceneGroups([])).toEqual([]);
  });
  it("puts shots before the first heading in a group without a heading", () => {
    expect(sceneGroups([shot("a"), shot("b")]).map((g) => [g.heading, g.shots.map((s) => s.id)])).toEqual([[null, ["a", "b"]]]);
  });
  it("starts a scene at each heading and keeps the shots in order", () => {
    const groups = sceneGroups([shot("a"), shot("b", "EXT. 胡同 — DUSK"), shot("c"), shot("d", "INT. SHOP — NIGHT")]);
    expect(groups.map((g) => [g.heading, g.shots.map((s) => s.id)])).toEqual([
      [null, ["a"]],
      ["EXT. 胡同 — DUSK", ["b", "c"]],
      ["INT. SHOP — NIGHT", ["d"]],
    ]);
    expect(groups.flatMap((g) => g.shots.map((s) => s.id))).toEqual(["a", "b", "c", "d"]);
  });
  it("a heading on the first shot makes a single headed group", () => {
    expect(sceneGroups([shot("a", "OPENING"), shot("b")]).map((g) => g.heading)).toEqual(["OPENING"]);
  });
});
