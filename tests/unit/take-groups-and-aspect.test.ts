import { describe, expect, it } from "vitest";
import { groupTakes } from "@/components/takes/group-takes";
import { aspectBoxStyle, clipFrameSize, frameSizeOf } from "@/lib/shared/clip-aspect";
import type { GenerationView } from "@/lib/shared/generation-view";

// Take groups in the studio list (components/takes/group-takes.ts) and the shape a clip is shown at
// (lib/shared/clip-aspect.ts).

function view(id: string, createdAt: string, takeGroupId: string | null, extra: Partial<GenerationView> = {}): GenerationView {
  return { id, createdAt, takeGroupId, params: { movementAmplitude: "auto" }, media: {}, inputs: [], ...extra } as GenerationView;
}

describe("groupTakes", () => {
  it("puts a group's takes together at its newest take's place, Take 1 first; single clips stay as they are", () => {
    const list = [
      view("c3", "2026-12-04T10:00:03Z", "g"),
      view("solo", "2026-12-04T10:00:02.5Z", null),
      view("c2", "2026-12-04T10:00:02Z", "g"),
      view("c1", "2026-12-04T10:00:01Z", "g"),
      view("old", "2026-12-04T09:00:00Z", null),
    ];
    const entries = groupTakes(list);
    expect(entries.map((e) => (e.kind === "group" ? `group:${e.takes.map((t) => t.id).join(",")}` : e.clip.id))).toEqual(["group:c1,c2,c3", "solo", "old"]);
  });

  it("a group with one take left in the list reads as a clip", () => {
    const entries = groupTakes([view("a", "2026-12-04T10:00:00Z", "g"), view("b", "2026-12-04T09:00:00Z", "h"), view("c", "2026-12-04T08:00:00Z", "h")]);
    expect(entries.map((e) => e.kind)).toEqual(["clip", "group"]);
  });
});

describe("clip shape", () => {
  it("the video's size first, then the asked ratio, then the start frame, else 16:9", () => {
    const video = { url: "", downloadUrl: "", bytes: 1, width: 1080, height: 1920, durationMs: 5000 };
    expect(clipFrameSize(view("a", "", null, { media: { video } }))).toEqual({ width: 1080, height: 1920 });
    expect(clipFrameSize(view("b", "", null, { params: { movementAmplitude: "auto", aspectRatio: "1:1" } }))).toEqual({ width: 1, height: 1 });
    const input = { position: 0, uploadId: "u", url: "", width: 720, height: 1280 };
    expect(clipFrameSize(view("c", "", null, { inputs: [input] }))).toEqual({ width: 720, height: 1280 });
    expect(clipFrameSize(view("d", "", null))).toEqual({ width: 16, height: 9 });
    expect(frameSizeOf(null, 1080)).toEqual({ width: 16, height: 9 });
  });

  it("a box narrows at the height limit instead of squashing the ratio", () => {
    expect(aspectBoxStyle({ width: 9, height: 16 }, "24rem")).toEqual({ aspectRatio: "9 / 16", width: "min(100%, calc(24rem * 0.5625))" });
    expect(aspectBoxStyle({ width: 1920, height: 1080 }, "75vh")).toEqual({ aspectRatio: "1920 / 1080", width: "min(100%, calc(75vh * 1.7778))" });
  });
});
