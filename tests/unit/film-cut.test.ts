import { describe, expect, it } from "vitest";
import { filmFrames, placeClips, validateCut, type Cut, type CutClip } from "@/lib/shared/film/cut";

function clip(shotId: string, inFrame: number, outFrame: number, kind: CutClip["transitionOut"]["kind"] = "cut", frames = 0): CutClip {
  return { shotId, name: shotId, mediaName: `${shotId}.mp4`, sourceFrames: 120, inFrame, outFrame, caption: null, transitionOut: { kind, frames } };
}

const cut = (clips: CutClip[]): Cut => ({ title: "t", aspect: "16:9", fps: 24, clips });

describe("film cut arithmetic", () => {
  it("places clips end to end on cuts", () => {
    const c = cut([clip("a", 0, 120), clip("b", 24, 72)]);
    expect(placeClips(c).map((p) => [p.recordIn, p.recordOut])).toEqual([[0, 120], [120, 168]]);
    expect(filmFrames(c)).toBe(168);
  });

  it("overlaps crossfades and fades through black; the last clip's transition is ignored", () => {
    const c = cut([clip("a", 0, 120, "crossfade", 12), clip("b", 0, 96, "fade_black", 24), clip("c", 0, 60, "crossfade", 12)]);
    expect(placeClips(c).map((p) => [p.recordIn, p.recordOut, p.overlapOut])).toEqual([[0, 120, 12], [108, 204, 24], [180, 240, 0]]);
    expect(filmFrames(c)).toBe(120 + 96 + 60 - 12 - 24);
  });

  it("names every impossible clip", () => {
    expect(validateCut(cut([]))).toEqual([{ code: "empty" }]);
    expect(validateCut(cut([clip("a", 0, 130), clip("b", 0, 6), clip("c", 0, 40, "crossfade", 30), clip("d", 0, 120)]))).toEqual([
      { code: "trim_out_of_range", shotId: "a" },
      { code: "trim_too_short", shotId: "b" },
      { code: "transition_too_long", shotId: "c" },
    ]);
    expect(validateCut(cut([clip("a", 0, 120, "crossfade", 24), clip("b", 0, 48)]))).toEqual([]);
  });
});
