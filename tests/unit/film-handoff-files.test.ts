import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cut, FILM_ASPECTS, FILM_FRAME_SIZE, filmFrames } from "@/lib/shared/film/cut";
import { editSegments } from "@/lib/shared/film/edit-points";
import { cutToEdl } from "@/lib/shared/film/edl";
import { cutToFcpxml } from "@/lib/shared/film/fcpxml";
import { cutToOtio } from "@/lib/shared/film/otio";
import { cutToSrt } from "@/lib/shared/film/srt";
import { clip, cutArb, expectedEdits, expectedJoints, expectedShown, expectedVoices, makeCut, voicedCutArb } from "../support/film-cuts";
import { type AudioRead, readEdl, readFcpxml, readOtio, readSrt } from "../support/timeline-readers";

// Every hand-off file, read back by a reader written from its format's specification, must show the same
// film as the cut: each take's visible frames (with the handles its transitions borrow), every transition
// with its start and length, each clip's span between edit points, and the captions at those spans.

const cutsOnly = makeCut([clip(1, { inFrame: 12, outFrame: 96 }), clip(2), clip(3, { inFrame: 30, outFrame: 60 })]);
const crossfades = makeCut([
  clip(1, { transitionOut: { kind: "crossfade", frames: 12 } }),
  clip(2, { inFrame: 6, outFrame: 102, transitionOut: { kind: "crossfade", frames: 24 } }),
  clip(3, { inFrame: 0, outFrame: 60 }),
]);
const fades = makeCut([
  clip(1, { transitionOut: { kind: "fade_black", frames: 24 } }),
  clip(2, { inFrame: 10, outFrame: 110, transitionOut: { kind: "fade_black", frames: 13 } }),
  clip(3, { transitionOut: { kind: "fade_black", frames: 1 } }),
  clip(4, { inFrame: 50, outFrame: 80 }),
]);
const mixed = makeCut(
  [
    clip(1, { caption: "港口的黎明，雾还没散。", transitionOut: { kind: "crossfade", frames: 12 } }),
    clip(2, { name: `Shot 2 — "A & B" <night>`, caption: `She said "<go>" & left`, transitionOut: { kind: "fade_black", frames: 24 } }),
    clip(3, { name: "第三镜 雨夜", mediaName: "第三镜 rain&night.mp4", caption: "line one\nline two", inFrame: 24, outFrame: 72 }),
    clip(4, { caption: null, inFrame: 0, outFrame: 48 }),
  ],
  { title: `雨夜 "Harbour" <cut> & more` },
);
const single = makeCut([clip(1, { inFrame: 5, outFrame: 77, caption: "Only one" })]);
const twelve = makeCut(
  Array.from({ length: 12 }, (_, i) =>
    clip(i + 1, {
      inFrame: i % 3 === 0 ? 12 : 0,
      outFrame: 120 - (i % 4) * 6,
      caption: i % 2 ? `第${i + 1}句` : null,
      transitionOut: { kind: (["cut", "crossfade", "fade_black"] as const)[i % 3]!, frames: i % 3 === 0 ? 0 : 6 + i },
    }),
  ),
);

const EXAMPLES: [string, Cut][] = [
  ["cuts only, trimmed", cutsOnly],
  ["crossfades", crossfades],
  ["fades through black, odd and one-frame", fades],
  ["mixed, CJK and XML-special names and captions", mixed],
  ["one clip", single],
  ["twelve clips", twelve],
  ...FILM_ASPECTS.map((aspect): [string, Cut] => [`aspect ${aspect}`, { ...mixed, aspect }]),
];

function checkOtio(cut: Cut) {
  const text = cutToOtio(cut);
  const back = readOtio(text);
  expect(back.title).toBe(cut.title);
  expect(back.shown).toEqual(expectedShown(cut));
  expect(back.joints).toEqual(expectedJoints(cut));
  const edits = expectedEdits(cut);
  expect(back.clips.map((c) => ({ recordIn: c.recordIn, recordOut: c.recordOut }))).toEqual(edits);
  expect(back.clips.map((c) => c.name)).toEqual(cut.clips.map((c) => c.name));
  expect(back.clips.map((c) => c.mediaPath)).toEqual(cut.clips.map((c) => `media/${encodeURIComponent(c.mediaName)}`));
  // The track is exactly as long as the film.
  expect(back.clips.at(-1)!.recordOut).toBe(filmFrames(cut));
}

function checkFcpxml(cut: Cut) {
  const text = cutToFcpxml(cut);
  const back = readFcpxml(text);
  expect(back.version).toBe("1.9");
  expect(back.title).toBe(cut.title.replace(XML_FORBIDDEN, ""));
  const { width, height } = FILM_FRAME_SIZE[cut.aspect];
  expect([back.format.width, back.format.height]).toEqual([String(width), String(height)]);
  expect(back.sequenceDuration).toBe(filmFrames(cut));
  expect(back.shown).toEqual(expectedShown(cut));
  expect(back.joints).toEqual(expectedJoints(cut));
  expect(back.clips.map((c) => ({ recordIn: c.recordIn, recordOut: c.recordOut }))).toEqual(expectedEdits(cut));
  expect(back.clips.map((c) => c.name)).toEqual(cut.clips.map((c) => c.name.replace(XML_FORBIDDEN, "")));
  expect(back.clips.map((c) => decodeURIComponent(c.mediaPath))).toEqual(cut.clips.map((c) => `media/${c.mediaName}`));
  // Captions ride on their clips for exactly the clip's span, as in the .srt.
  const edits = expectedEdits(cut);
  const language = cut.clips.some((c) => c.caption !== null && /\p{Script=Han}/u.test(c.caption)) ? "zh-CN" : "en-US";
  expect(back.captions).toEqual(
    cut.clips.flatMap((c, i) => {
      const text = cueText(c.caption);
      return text === null ? [] : [{ ...edits[i]!, text, role: `SRT?captionFormat=SRT.${language}` }];
    }),
  );
}

function checkEdl(cut: Cut) {
  const text = cutToEdl(cut);
  const back = readEdl(text);
  expect(back.fcm).toBe("NON-DROP FRAME");
  expect(back.title).toBe(oneLine(cut.title));
  expect(back.shown).toEqual(expectedShown(cut).map((s) => ({ ...s, mediaName: oneLine(s.mediaName) })));
  expect(back.joints).toEqual(expectedJoints(cut));
  expect(back.clips.at(-1)!.recordOut).toBe(filmFrames(cut));
}

/* eslint-disable no-control-regex -- what the writers must drop: control characters a format cannot carry */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const EDL_LINE_BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;
const SRT_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

function oneLine(s: string) {
  return s.replace(EDL_LINE_BREAKS, " ").trim();
}

/** The caption text as it should read back: CRLF/LF joined, blank and control-only lines gone, "-->" defused. */
function cueText(caption: string | null): string | null {
  if (caption === null) return null;
  const lines = caption
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(SRT_CONTROLS, "")
    .split("\n")
    .map((l) => l.replace(/-->/g, "->").trim())
    .filter((l) => l !== "");
  return lines.length ? lines.join("\n") : null;
}

function checkSrt(cut: Cut) {
  const cues = readSrt(cutToSrt(cut));
  const edits = expectedEdits(cut);
  const ms = (f: number) => Math.round((f * 1000) / cut.fps);
  const expected = cut.clips.flatMap((c, i) => {
    const text = cueText(c.caption);
    return text === null ? [] : [{ startMs: ms(edits[i]!.recordIn), endMs: ms(edits[i]!.recordOut), text }];
  });
  expect(cues.map(({ startMs, endMs, text }) => ({ startMs, endMs, text }))).toEqual(expected);
  expect(cues.map((c) => c.index)).toEqual(cues.map((_, i) => i + 1));
  for (let i = 1; i < cues.length; i++) expect(cues[i]!.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.endMs);
  for (const c of cues) expect(c.endMs).toBeGreaterThan(c.startMs);
}

/** A deadline for a hang on a loaded two-core machine, not a time budget. */
const PROPERTY_DEADLINE_MS = 120_000;

describe("edit points", () => {
  it("tile the film: each clip's span starts where the previous ends, inside the placed clip", () => {
    fc.assert(
      fc.property(cutArb, (cut) => {
        const segs = editSegments(cut);
        expect(segs[0]!.editIn).toBe(0);
        expect(segs.at(-1)!.editOut).toBe(filmFrames(cut));
        segs.forEach((s, i) => {
          if (i > 0) expect(s.editIn).toBe(segs[i - 1]!.editOut);
          expect(s.editOut).toBeGreaterThan(s.editIn);
          expect(s.editIn).toBeGreaterThanOrEqual(s.placed.recordIn);
          expect(s.editOut).toBeLessThanOrEqual(s.placed.recordOut);
        });
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_DEADLINE_MS);

  it("put a transition's edit at its midpoint, rounded down", () => {
    expect(editSegments(crossfades).map((s) => [s.editIn, s.editOut])).toEqual([[0, 114], [114, 192], [192, 240]]);
    expect(editSegments(fades).map((s) => [s.editIn, s.editOut])).toEqual([[0, 108], [108, 189], [189, 302], [302, 332]]);
  });
});

describe.each(EXAMPLES)("hand-off files of a cut: %s", (_, cut) => {
  it("the .otio reads back as the cut", () => checkOtio(cut));
  it("the .fcpxml reads back as the cut", () => checkFcpxml(cut));
  it("the .edl reads back as the cut", () => checkEdl(cut));
  it("the .srt times every caption to its clip's span", () => checkSrt(cut));
  it("every file is the same for the same cut", () => {
    for (const write of [cutToOtio, cutToFcpxml, cutToEdl, cutToSrt]) expect(write(structuredClone(cut))).toBe(write(cut));
  });
});

describe("hand-off files of generated cuts", () => {
  it("read back as the cut, whatever the clips, trims, transitions, names and captions", () => {
    fc.assert(
      fc.property(cutArb, (cut) => {
        checkOtio(cut);
        checkFcpxml(cut);
        checkEdl(cut);
        checkSrt(cut);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_DEADLINE_MS);
});

describe("format details", () => {
  it("FCPXML escapes names and carries CJK as UTF-8 text", () => {
    const text = cutToFcpxml(mixed);
    expect(text).toContain(`name="Shot 2 — &quot;A &amp; B&quot; &lt;night&gt;"`);
    expect(text).toContain(`<project name="雨夜 &quot;Harbour&quot; &lt;cut&gt; &amp; more">`);
    expect(text).toContain(`src="media/%E7%AC%AC%E4%B8%89%E9%95%9C%20rain%26night.mp4"`);
    expect(text).toContain(`<effect id="r2" name="Cross Dissolve" uid="FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265"/>`);
  });

  it("EDL events follow the CMX 3600 layout, dissolves as a cut line and a D line", () => {
    const lines = cutToEdl(crossfades).split("\r\n");
    expect(lines.slice(0, 3)).toEqual(["TITLE: Harbour at dawn", "FCM: NON-DROP FRAME", ""]);
    expect(lines[3]).toBe("001  AX       V     C        00:00:00:00 00:00:04:12 01:00:00:00 01:00:04:12");
    expect(lines[4]).toBe("* FROM CLIP NAME: shot-01.mp4");
    expect(lines[5]).toBe("002  AX       V     C        00:00:04:12 00:00:04:12 01:00:04:12 01:00:04:12");
    expect(lines[6]).toBe("002  AX       V     D 012    00:00:00:06 00:00:03:06 01:00:04:12 01:00:07:12");
    expect(lines.slice(7, 9)).toEqual(["* FROM CLIP NAME: shot-01.mp4", "* TO CLIP NAME: shot-02.mp4"]);
  });

  it("EDL keeps its title and clip names on one line whatever breaks they hold (U+2028, U+2029, NEL, CR)", () => {
    const breaks = { ...crossfades, title: "Harbour\u2028at\u2029dawn\u0085!\r\n" };
    const text = cutToEdl(breaks);
    expect(text.split("\r\n")[0]).toBe("TITLE: Harbour at dawn !");
    expect(readEdl(text).title).toBe("Harbour at dawn !");
  });
  it("EDL fades through black dissolve to and from the BL reel", () => {
    const lines = cutToEdl(makeCut([clip(1, { transitionOut: { kind: "fade_black", frames: 24 } }), clip(2)])).split("\r\n");
    expect(lines.slice(3)).toEqual([
      "001  AX       V     C        00:00:00:00 00:00:04:00 01:00:00:00 01:00:04:00",
      "* FROM CLIP NAME: shot-01.mp4",
      "002  AX       V     C        00:00:04:00 00:00:04:00 01:00:04:00 01:00:04:00",
      "002  BL       V     D 012    00:00:00:00 00:00:00:12 01:00:04:00 01:00:04:12",
      "* FROM CLIP NAME: shot-01.mp4",
      "003  BL       V     C        00:00:00:00 00:00:00:00 01:00:04:12 01:00:04:12",
      "003  AX       V     D 012    00:00:00:12 00:00:05:00 01:00:04:12 01:00:09:00",
      "* TO CLIP NAME: shot-02.mp4",
      "",
    ]);
  });

  it("SRT cue lines break at U+2028 and U+2029 as at a newline, and carry no C1 control", () => {
    const cut = makeCut([clip(1, { caption: "Harbour\u2028at dawn\u2029\u2029\u0085quiet\u009B" })]);
    expect(readSrt(cutToSrt(cut)).map((c) => c.text)).toEqual(["Harbour\nat dawn\nquiet"]);
  });

  it("SRT cues are numbered, CRLF, and split a crossfade at its midpoint", () => {
    const cut = makeCut([clip(1, { caption: "一", transitionOut: { kind: "crossfade", frames: 12 } }), clip(2, { caption: "二" })]);
    expect(cutToSrt(cut)).toBe("1\r\n00:00:00,000 --> 00:00:04,750\r\n一\r\n\r\n2\r\n00:00:04,750 --> 00:00:09,500\r\n二\r\n\r\n");
    expect(cutToSrt(makeCut([clip(1)]))).toBe("");
  });

  it("OTIO writes a fade through black as transitions into and out of a zero-length gap", () => {
    const otio = JSON.parse(cutToOtio(makeCut([clip(1, { transitionOut: { kind: "fade_black", frames: 24 } }), clip(2)]))) as {
      tracks: { children: { children: { OTIO_SCHEMA: string; in_offset?: { value: number }; out_offset?: { value: number } }[] }[] };
    };
    const items = otio.tracks.children[0]!.children;
    expect(items.map((i) => i.OTIO_SCHEMA)).toEqual(["Clip.1", "Transition.1", "Gap.1", "Transition.1", "Clip.1"]);
    expect([items[1]!.in_offset!.value, items[1]!.out_offset!.value, items[3]!.in_offset!.value, items[3]!.out_offset!.value]).toEqual([12, 0, 0, 12]);
  });
});

// Voice-overs: every timeline plays each WAV from its clip's first frame for the voice's length, cut at
// the clip's end, on one of two audio tracks (lanes, channels) that never hold two sounds at once; the
// picture is read back exactly as without them.

const voiced = makeCut([
  clip(1, { caption: "港口的黎明", voice: { mediaName: "01-Mei.wav", frames: 60 }, transitionOut: { kind: "crossfade", frames: 24 } }),
  // A line longer than its clip, running into the crossfade that ends it.
  clip(2, { inFrame: 0, outFrame: 72, voice: { mediaName: "02-老陈 & \"Tom\".wav", frames: 200 }, transitionOut: { kind: "fade_black", frames: 24 } }),
  clip(3, { inFrame: 24, outFrame: 96 }),
  clip(4, { voice: { mediaName: "04-voice.wav", frames: 30 } }),
]);

function sameTrackNeverOverlaps(audio: AudioRead[]) {
  for (const a of audio) for (const b of audio) if (a !== b && a.track === b.track) expect(a.recordOut <= b.recordIn || b.recordOut <= a.recordIn).toBe(true);
}

function checkVoices(cut: Cut) {
  const expected = expectedVoices(cut);
  const heard = (audio: AudioRead[], name: (path: string) => string) =>
    audio.map((a) => ({ mediaName: name(a.mediaPath), recordIn: a.recordIn, recordOut: a.recordOut, sourceIn: a.sourceIn })).sort((x, y) => x.recordIn - y.recordIn);
  const fromUrl = (p: string) => {
    expect(p).toMatch(/^audio\/[^/]+$/);
    return decodeURIComponent(p.slice("audio/".length));
  };
  const otio = readOtio(cutToOtio(cut));
  expect(heard(otio.audio, fromUrl)).toEqual(expected);
  expect(otio.shown).toEqual(expectedShown(cut));
  sameTrackNeverOverlaps(otio.audio);
  const fcp = readFcpxml(cutToFcpxml(cut));
  expect(heard(fcp.audio, fromUrl)).toEqual(expected.map((v) => ({ ...v, mediaName: v.mediaName.replace(XML_FORBIDDEN, "") })));
  expect(fcp.shown).toEqual(expectedShown(cut));
  sameTrackNeverOverlaps(fcp.audio);
  const edl = readEdl(cutToEdl(cut));
  expect(heard(edl.audio, (p) => p)).toEqual(expected.map((v) => ({ ...v, mediaName: oneLine(v.mediaName) })));
  expect(edl.joints).toEqual(expectedJoints(cut));
  sameTrackNeverOverlaps(edl.audio);
}

describe("hand-off files with voice-overs", () => {
  it("place each voice on an audio track from its clip's first frame, cut at the clip's end", () => {
    checkVoices(voiced);
    const otio = readOtio(cutToOtio(voiced));
    // Clip 1 (frames 0–60) on A1; clip 2 (from 96, cut at its end 168) and clip 4 (from 216) on A2.
    expect(otio.audio).toEqual([
      { track: "A1", mediaPath: "audio/01-Mei.wav", recordIn: 0, recordOut: 60, sourceIn: 0 },
      { track: "A2", mediaPath: `audio/${encodeURIComponent('02-老陈 & "Tom".wav')}`, recordIn: 96, recordOut: 168, sourceIn: 0 },
      { track: "A2", mediaPath: "audio/04-voice.wav", recordIn: 216, recordOut: 246, sourceIn: 0 },
    ]);
    const raw = otio.raw as { tracks: { children: { name: string; kind: string; children: { OTIO_SCHEMA: string }[] }[] } };
    expect(raw.tracks.children.map((t) => [t.name, t.kind])).toEqual([["V1", "Video"], ["A1", "Audio"], ["A2", "Audio"]]);
    expect(raw.tracks.children[2]!.children.map((c) => c.OTIO_SCHEMA)).toEqual(["Gap.1", "Clip.1", "Gap.1", "Clip.1"]);
  });

  it("FCPXML connects them below the storyline as dialogue, EDL as audio-only cuts on channels A and A2", () => {
    const fcpxml = cutToFcpxml(voiced);
    expect(fcpxml).toMatch(/<asset id="r\d+" name="01-Mei.wav" start="0s" duration="60\/24s" hasAudio="1" audioSources="1" audioChannels="1">/);
    expect(fcpxml).toMatch(/<asset-clip ref="r\d+" lane="-2" offset="\d+\/24s" name="02-老陈 &amp; &quot;Tom&quot;.wav" start="0s" duration="72\/24s" audioRole="dialogue"\/>/);
    const lines = cutToEdl(voiced).split("\r\n");
    const audio = lines.filter((l) => /^\d{3} {2}AX +A2? /.test(l));
    expect(audio).toEqual([
      "006  AX       A     C        00:00:00:00 00:00:02:12 01:00:00:00 01:00:02:12",
      "007  AX       A2    C        00:00:00:00 00:00:03:00 01:00:04:00 01:00:07:00",
      "008  AX       A2    C        00:00:00:00 00:00:01:06 01:00:09:00 01:00:10:06",
    ]);
    expect(lines[lines.indexOf(audio[0]!) + 1]).toBe("* FROM CLIP NAME: 01-Mei.wav");
  });

  it("leave the files as they were for a cut without voices", () => {
    for (const write of [cutToOtio, cutToFcpxml, cutToEdl]) expect(write(mixed)).toBe(write({ ...mixed, clips: mixed.clips.map((c) => ({ ...c, voice: null })) }));
    expect(readOtio(cutToOtio(mixed)).audio).toEqual([]);
    expect(cutToFcpxml(mixed)).not.toContain("hasAudio");
  });

  it("read back as the cut for generated cuts with voices of every length", () => {
    fc.assert(fc.property(voicedCutArb, (cut) => checkVoices(cut)), { numRuns: 150 });
  }, PROPERTY_DEADLINE_MS);
});
