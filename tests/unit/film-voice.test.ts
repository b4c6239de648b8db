import { describe, expect, it } from "vitest";
import { buildFilterGraph, inputArgs, type GraphInput } from "@/lib/server/film-render/filter-graph";
import { captionSpans } from "@/lib/shared/film/caption-spans";
import type { Cut, CutClip } from "@/lib/shared/film/cut";
import { cutToFcpxml } from "@/lib/shared/film/fcpxml";
import { cutToSrt } from "@/lib/shared/film/srt";
import { castOf, speakShotSchema, voiceCastSchema, voiceFrames, voiceOverflowSeconds } from "@/lib/shared/film/voice";

// Voice-over timing as the export, the .srt and FCPXML read it: whole frames rounded up, the overflow
// past a shot in tenths of a second, the caption of a voiced clip shown from the clip's start while
// the voice speaks (clamped to its span between edit points), and the filter graph that mixes it.

function clip(n: number, frames: number, caption: string | null, voiceFramesN?: number, out: CutClip["transitionOut"] = { kind: "cut", frames: 0 }): CutClip {
  return {
    shotId: `s${n}`,
    name: `Shot ${n}`,
    mediaName: `s${n}.mp4`,
    sourceFrames: 120,
    inFrame: 0,
    outFrame: frames,
    caption,
    transitionOut: out,
    ...(voiceFramesN === undefined ? {} : { voice: { mediaName: `voice-${n}.wav`, frames: voiceFramesN } }),
  };
}
const cut = (clips: CutClip[]): Cut => ({ title: "t", aspect: "16:9", fps: 24, clips });

describe("voice frames and overflow", () => {
  it("rounds a voice up to whole frames, so the caption stays until the last word", () => {
    expect([0, 1, 41, 42, 1000, 1001, 2540].map(voiceFrames)).toEqual([0, 1, 1, 2, 24, 25, 61]);
  });

  it("flags only a line that runs past its shot, in tenths of a second rounded up", () => {
    expect(voiceOverflowSeconds(2000, 48)).toBe(0);
    expect(voiceOverflowSeconds(2040, 48)).toBe(0); // within a frame or so: not worth a warning
    expect(voiceOverflowSeconds(2600, 48)).toBe(0.6);
    expect(voiceOverflowSeconds(3401, 48)).toBe(1.5);
    expect(voiceOverflowSeconds(900, 12)).toBe(0.4);
  });
});

describe("captions of voiced clips", () => {
  it("show from the clip's start while the voice speaks, clamped to the clip's span", () => {
    const c = cut([clip(1, 48, "a", 30), clip(2, 48, "b", 100), clip(3, 48, "c")]);
    expect(captionSpans(c).map((s) => [s.text, s.startFrame, s.endFrame])).toEqual([["a", 0, 30], ["b", 48, 96], ["c", 96, 144]]);
  });

  it("across a transition: the voice starts with the incoming clip (recordIn), the caption at the edit point", () => {
    // Placed [0,48) [40,88): edit point at 44. A 10-frame voice on clip 2 ends at 50; a 3-frame one before the edit point shows nothing.
    const c = cut([clip(1, 48, "a", undefined, { kind: "crossfade", frames: 8 }), clip(2, 48, "b", 10)]);
    expect(captionSpans(c).map((s) => [s.text, s.startFrame, s.endFrame])).toEqual([["a", 0, 44], ["b", 44, 50]]);
    const short = cut([clip(1, 48, "a", undefined, { kind: "crossfade", frames: 8 }), clip(2, 48, "b", 3)]);
    expect(captionSpans(short).map((s) => s.text)).toEqual(["a"]);
  });

  it("the .srt and FCPXML use the same timing", () => {
    const c = cut([clip(1, 48, "Hello", 30), clip(2, 24, "World")]);
    expect(cutToSrt(c)).toBe("1\r\n00:00:00,000 --> 00:00:01,250\r\nHello\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nWorld\r\n\r\n");
    const xml = cutToFcpxml(c);
    expect(xml).toMatch(/<caption[^>]*name="Hello"[^>]*duration="30\/24s"/);
    expect(xml).toMatch(/<caption[^>]*name="World"[^>]*duration="24\/24s"/);
  });
});

describe("the voice in the filter graph", () => {
  const take = (hasAudio: boolean): GraphInput => ({ hasAudio, width: 1920, height: 1080, fps: 24, pixFmt: "yuv420p" });

  it("reads each voice after the clips' sound, fits it to the clip exactly, ducks the clip's sound under it and mixes it in", () => {
    const c = cut([clip(1, 24, null), clip(2, 48, null, 30), clip(3, 24, null, 10)]);
    const takes = [take(true), take(true), take(false)];
    expect(inputArgs(["a.mp4", "b.mp4", "c.mp4"], takes, [null, "v2.wav", "v3.wav"])).toEqual([
      ...["-i", "a.mp4", "-i", "b.mp4", "-i", "c.mp4"],
      ...["-vn", "-sn", "-dn", "-i", "a.mp4", "-vn", "-sn", "-dn", "-i", "b.mp4"],
      ...["-i", "v2.wav", "-i", "v3.wav"],
    ]);
    const g = buildFilterGraph(c, takes, { captionsFile: null, fontsDir: "/f" });
    // Clip 2 (audio input 4), its voice input 5: 48 frames = 96,000 samples at 48 kHz.
    expect(g).toContain("[4:a]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad,atrim=start_sample=0:end_sample=96000,asetpts=PTS-STARTPTS[ac1]");
    expect(g).toContain("[5:a]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,atrim=end_sample=96000,apad=whole_len=96000,asetpts=PTS-STARTPTS,asplit=2[vk1][vm1]");
    expect(g).toMatch(/\[ac1\]\[vk1\]sidechaincompress=[^[]*\[ad1\]/);
    expect(g).toContain("[ad1][vm1]amix=inputs=2:duration=first:normalize=0,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo[a1]");
    // Clip 3 has no sound of its own: silence, ducked all the same, and voice input 6.
    expect(g).toContain("anullsrc=r=48000:cl=stereo,atrim=end_sample=48000,asetpts=PTS-STARTPTS[ac2]");
    expect(g).toContain("[6:a]");
    // Clip 1 has no voice: unchanged.
    expect(g).toContain("asetpts=PTS-STARTPTS[a0]");
  });
});

describe("voice inputs", () => {
  it("accepts only the platform's system voices and a speed within its range", () => {
    expect(speakShotSchema.safeParse({ voice: "xiaochen", speaker: "Mei", speed: 1.25 }).success).toBe(true);
    const bad = speakShotSchema.safeParse({ voice: "alloy", speed: 2.5, speaker: "" });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([
      ["speaker", "errors.field.required"],
      ["speed", "errors.field.speech_speed"],
      ["voice", "errors.field.voice_unknown"],
    ]);
    expect(voiceCastSchema.safeParse({ cast: { Mei: "kazi" } }).success).toBe(true);
    expect(voiceCastSchema.safeParse({ cast: { Mei: "nobody" } }).success).toBe(false);
  });

  it("reads a stored cast without trusting it", () => {
    expect(castOf({ Mei: "jam", Old: "retired-voice", N: 3 })).toEqual({ Mei: "jam" });
    expect([castOf(null), castOf([]), castOf("x")]).toEqual([{}, {}, {}]);
  });
});
