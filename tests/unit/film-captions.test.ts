import { describe, expect, it } from "vitest";
import { assTime, captionMaxEms, captionsAss } from "@/lib/server/film-render/caption-ass";
import { wrapCaption } from "@/lib/server/film-render/caption-wrap";
import { buildFilterGraph, inputArgs, type GraphInput } from "@/lib/server/film-render/filter-graph";
import { captionSpans } from "@/lib/shared/film/caption-spans";
import type { Cut, CutClip } from "@/lib/shared/film/cut";

function clip(n: number, inFrame: number, outFrame: number, caption: string | null, kind: CutClip["transitionOut"]["kind"] = "cut", frames = 0): CutClip {
  return { shotId: `s${n}`, name: `Shot ${n}`, mediaName: `s${n}.mp4`, sourceFrames: 120, inFrame, outFrame, caption, transitionOut: { kind, frames } };
}
const cut = (clips: CutClip[], aspect: Cut["aspect"] = "16:9"): Cut => ({ title: "t", aspect, fps: 24, clips });

describe("captionSpans", () => {
  it("shows a caption for its clip's time and splits an overlap at its midpoint (odd overlaps: the outgoing side keeps the floor)", () => {
    const c = cut([clip(1, 0, 48, "a", "crossfade", 12), clip(2, 0, 48, "b", "fade_black", 13), clip(3, 0, 48, "c")]);
    // Placed: [0,48) [36,84) [71,119).
    expect(captionSpans(c).map((s) => [s.text, s.startFrame, s.endFrame])).toEqual([["a", 0, 42], ["b", 42, 77], ["c", 77, 119]]);
  });

  it("skips clips without a caption (or only spaces) and leaves their time empty", () => {
    const c = cut([clip(1, 0, 24, "  "), clip(2, 0, 24, null), clip(3, 12, 36, " x ")]);
    expect(captionSpans(c)).toEqual([{ shotId: "s3", text: "x", startFrame: 48, endFrame: 72 }]);
  });
});

describe("assTime", () => {
  it("is the last centisecond at or before the frame's time, so libass switches on exactly that frame", () => {
    expect([0, 1, 2, 3, 24, 34, 1439, 86_400].map(assTime)).toEqual(["0:00:00.00", "0:00:00.04", "0:00:00.08", "0:00:00.12", "0:00:01.00", "0:00:01.41", "0:00:59.95", "1:00:00.00"]);
    for (let n = 1; n < 500; n++) {
      const [h, m, s] = assTime(n).split(":").map(Number) as [number, number, number];
      const ms = Math.round(((h * 60 + m) * 60 + s) * 1000);
      expect(ms).toBeLessThanOrEqual(Math.floor((n * 1000) / 24));
      expect(ms).toBeGreaterThan(Math.floor(((n - 1) * 1000) / 24));
    }
  });
});

describe("wrapCaption", () => {
  it("breaks a line at U+2028 and U+2029 as at a newline", () => {
    expect(wrapCaption("Harbour\u2028at dawn\u2029quiet", 40)).toEqual(["Harbour", "at dawn", "quiet"]);
  });

  const width = (line: string) => [...line].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 1 : 0.62), 0);

  it("breaks Chinese between characters, Latin at spaces, and keeps closing punctuation off a line start", () => {
    const lines = wrapCaption("清晨的海港，渔船一艘接一艘驶出防波堤，海鸥在桅杆之间盘旋。 Dawn at the harbour, boats heading out.", 10);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(width(line)).toBeLessThanOrEqual(10);
      expect(line).not.toMatch(/^[，。、！？,.]/);
      expect(line).toBe(line.trim());
    }
    expect(lines.join("").replace(/ /g, "")).toBe("清晨的海港，渔船一艘接一艘驶出防波堤，海鸥在桅杆之间盘旋。Dawnattheharbour,boatsheadingout.");
    expect(lines.some((l) => l.includes("Dawn at"))).toBe(true);
  });

  it("keeps explicit line breaks and cuts a word longer than a line", () => {
    expect(wrapCaption("one\ntwo", 20)).toEqual(["one", "two"]);
    const long = wrapCaption("x".repeat(40), 10);
    expect(long.every((l) => width(l) <= 10)).toBe(true);
    expect(long.join("")).toBe("x".repeat(40));
  });

  it("fits the widest line into the safe width of every film size", () => {
    expect(Math.floor(captionMaxEms("9:16"))).toBe(15);
    expect(Math.floor(captionMaxEms("16:9"))).toBe(28);
    expect(Math.floor(captionMaxEms("1:1"))).toBe(16);
  });
});

describe("captionsAss", () => {
  it("is null without captions; escapes override braces and backslashes; one Dialogue per caption", () => {
    expect(captionsAss(cut([clip(1, 0, 24, null)]))).toBeNull();
    const ass = captionsAss(cut([clip(1, 0, 24, "a {\\b1} b"), clip(2, 0, 24, "二")], "9:16")) ?? "";
    expect(ass).toContain("PlayResX: 1080\nPlayResY: 1920");
    const events = ass.split("\n").filter((l) => l.startsWith("Dialogue:"));
    expect(events).toEqual(["Dialogue: 0,0:00:00.00,0:00:01.00,Caption,,0,0,0,,a \\{\\\u200bb1\\} b", "Dialogue: 0,0:00:01.00,0:00:02.00,Caption,,0,0,0,,二"]);
  });
});

describe("buildFilterGraph", () => {
  const take = (hasAudio: boolean, picture: Partial<GraphInput> = {}): GraphInput => ({ hasAudio, width: 1920, height: 1080, fps: 24, pixFmt: "yuv420p", ...picture });

  it("conforms only what differs: the rate before the trim, size (fitted, on black) and pixel format after it", () => {
    const g = buildFilterGraph(cut([clip(1, 0, 24, null)]), [take(false, { width: 1080, height: 1920, fps: 30, pixFmt: "yuvj420p" })], { captionsFile: null, fontsDir: "/f" });
    expect(g).toContain(
      "[0:v]fps=24,trim=start_frame=0:end_frame=24,setpts=PTS-STARTPTS,settb=1/24,scale=1920:1080:force_original_aspect_ratio=decrease,pad=1920:1080:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[v0]",
    );
  });

  it("trims by frame, joins cuts with concat and transitions with xfade/acrossfade at recordIn, silence for clips without audio", () => {
    const c = cut([clip(1, 6, 46, null, "crossfade", 8), clip(2, 0, 40, null, "cut"), clip(3, 4, 44, null, "fade_black", 10), clip(4, 0, 24, null)]);
    const g = buildFilterGraph(c, [take(true), take(false), take(true), take(false)], { captionsFile: null, fontsDir: "/f" });
    expect(g).toContain("[0:v]trim=start_frame=6:end_frame=46,setpts=PTS-STARTPTS,settb=1/24,setsar=1[v0]");
    // Sound comes from the second opening of each take that has some: clip 0 → input 4, clip 2 → input 5.
    expect(g).toContain("[4:a]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad,atrim=start_sample=12000:end_sample=92000");
    expect(g).toContain("[5:a]aformat=");
    expect(inputArgs(["a", "b", "c", "d"], [take(true), take(false), take(true), take(false)])).toEqual(["-i", "a", "-i", "b", "-i", "c", "-i", "d", "-vn", "-sn", "-dn", "-i", "a", "-vn", "-sn", "-dn", "-i", "c"]);
    expect(g).toContain("anullsrc=r=48000:cl=stereo,atrim=end_sample=80000,asetpts=PTS-STARTPTS[a1]");
    expect(g).toContain("[v0][v1]xfade=transition=fade:duration=0.333333:offset=1.333333[vj1]");
    expect(g).toContain("[a0][a1]acrossfade=ns=16000:c1=tri:c2=tri[aj1]");
    expect(g).toContain("[vj1][v2]concat=n=2:v=1:a=0,settb=1/24[vj2]");
    // Clip 4 starts at 32 + 40 + 40 - 10 = 102.
    expect(g).toContain("[vj2][v3]xfade=transition=fadeblack:duration=0.416667:offset=4.250000[vj3]");
    expect(g).toContain("[vj3]null[vout]");
    expect(g).toMatch(/\[aj3\]loudnorm=I=-16:TP=-1\.5:LRA=11,aformat=[^\]]+\[aout\]$/);
    const silent = buildFilterGraph(cut([clip(1, 0, 24, "x")]), [take(false)], { captionsFile: "captions.ass", fontsDir: "/f" });
    expect(silent).toContain("[v0]ass=filename=captions.ass:fontsdir=/f[vout]");
    expect(silent).not.toContain("loudnorm");
  });
});
