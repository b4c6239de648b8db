import fc from "fast-check";
import { type Cut, type CutClip, FILM_ASPECTS, type FilmAspect, placeClips, type TransitionKind, validateCut } from "@/lib/shared/film/cut";

// Cuts for the hand-off file tests, and what each file must say about them, computed from placeClips
// alone (not from the serializers' own helpers) so a test compares the files with the cut itself.

export function clip(i: number, over: Partial<CutClip> = {}): CutClip {
  return {
    shotId: `shot-${i}`,
    name: `Shot ${i}`,
    mediaName: `shot-${String(i).padStart(2, "0")}.mp4`,
    sourceFrames: 120,
    inFrame: 0,
    outFrame: 120,
    caption: null,
    transitionOut: { kind: "cut", frames: 0 },
    ...over,
  };
}

export function makeCut(clips: CutClip[], over: Partial<Cut> = {}): Cut {
  const cut: Cut = { title: "Harbour at dawn", aspect: "16:9", fps: 24, clips, ...over };
  const problems = validateCut(cut);
  if (problems.length) throw new Error(`test cut is invalid: ${JSON.stringify(problems)}`);
  return cut;
}

/** What a viewer sees of one take: film frames [recordIn, recordOut) show source frames from sourceIn on. */
export interface Shown {
  mediaName: string;
  recordIn: number;
  recordOut: number;
  sourceIn: number;
}

export interface Joint {
  kind: Exclude<TransitionKind, "cut">;
  /** Film frame where the overlap starts. */
  start: number;
  frames: number;
}

/**
 * Each take's visible film frames under the cut: the whole placed clip, except that a fade through black
 * shows the outgoing take only until the overlap's midpoint (rounded down) and the incoming one from it.
 */
export function expectedShown(cut: Cut): Shown[] {
  const placed = placeClips(cut);
  return placed.map((p, i) => {
    let recordIn = p.recordIn;
    let recordOut = p.recordOut;
    const prev = placed[i - 1];
    if (prev && prev.overlapOut > 0 && prev.clip.transitionOut.kind === "fade_black") recordIn = p.recordIn + Math.floor(prev.overlapOut / 2);
    const next = placed[i + 1];
    if (next && p.overlapOut > 0 && p.clip.transitionOut.kind === "fade_black") recordOut = next.recordIn + Math.floor(p.overlapOut / 2);
    return { mediaName: p.clip.mediaName, recordIn, recordOut, sourceIn: p.clip.inFrame + (recordIn - p.recordIn) };
  });
}

export function expectedJoints(cut: Cut): Joint[] {
  const placed = placeClips(cut);
  return placed.flatMap((p, i) => {
    const next = placed[i + 1];
    const kind = p.clip.transitionOut.kind;
    return next && p.overlapOut > 0 && kind !== "cut" ? [{ kind, start: next.recordIn, frames: p.overlapOut }] : [];
  });
}

/** The edit points: where each clip takes over on the film, at each overlap's midpoint rounded down. */
export function expectedEdits(cut: Cut): { recordIn: number; recordOut: number }[] {
  const placed = placeClips(cut);
  const edit = (i: number) => placed[i + 1]!.recordIn + Math.floor(placed[i]!.overlapOut / 2);
  return placed.map((p, i) => ({ recordIn: i === 0 ? 0 : edit(i - 1), recordOut: i === placed.length - 1 ? p.recordOut : edit(i) }));
}

// Text that tests escaping in every format: XML specials, quotes, CJK, emoji, an SRT arrow, line breaks.
const NASTY_TEXT = ["港口的黎明", "She said \"<go>\" & left", "Tom's 'café' — ok?", "雨が降る 🌧", "a --> b", "line one\nline two", "  spaced  ", "&amp; literal", "]]> end", "bell\u0007 nul\u0000 tab\t cr\r end", "lone \uD800 surrogate"];

const textArb = fc.oneof(fc.constantFrom(...NASTY_TEXT), fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }));

/** Valid cuts of 1–12 clips with every transition kind, trims, and hostile names and captions. */
export const cutArb: fc.Arbitrary<Cut> = fc
  .record({
    title: textArb,
    aspect: fc.constantFrom<FilmAspect>(...FILM_ASPECTS),
    clips: fc.array(
      fc.record({
        sourceFrames: fc.integer({ min: 96, max: 144 }),
        inFrac: fc.double({ min: 0, max: 1, noNaN: true }),
        len: fc.integer({ min: 12, max: 144 }),
        kind: fc.constantFrom<TransitionKind>("cut", "crossfade", "fade_black"),
        frames: fc.integer({ min: 1, max: 48 }),
        name: textArb,
        caption: fc.option(textArb, { nil: null }),
        cjkMedia: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ title, aspect, clips }) => {
    const trimmed = clips.map((c, i) => {
      const len = Math.min(c.len, c.sourceFrames);
      const inFrame = Math.floor(c.inFrac * (c.sourceFrames - len));
      return { c, i, len, inFrame };
    });
    const cutClips: CutClip[] = trimmed.map(({ c, i, len, inFrame }) => {
      const nextLen = trimmed[i + 1]?.len ?? 0;
      const frames = c.kind === "cut" ? 0 : Math.max(1, Math.min(c.frames, Math.floor(len / 2), Math.floor(nextLen / 2) || c.frames));
      return {
        shotId: `s${i}`,
        name: c.name,
        mediaName: c.cjkMedia ? `镜头 ${i} & "take".mp4` : `shot-${i}.mp4`,
        sourceFrames: c.sourceFrames,
        inFrame,
        outFrame: inFrame + len,
        caption: c.caption,
        transitionOut: { kind: c.kind, frames },
      };
    });
    return makeCut(cutClips, { title, aspect });
  });

/** What each timeline must play of the voice-overs: from its clip's first frame, cut at the clip's end. */
export interface HeardVoice {
  mediaName: string;
  recordIn: number;
  recordOut: number;
  sourceIn: number;
}

export function expectedVoices(cut: Cut): HeardVoice[] {
  return placeClips(cut).flatMap((p) => (p.clip.voice ? [{ mediaName: p.clip.voice.mediaName, recordIn: p.recordIn, recordOut: Math.min(p.recordOut, p.recordIn + p.clip.voice.frames), sourceIn: 0 }] : []));
}

/** Generated cuts where some clips have a voice-over, shorter or longer than the clip, with hostile names. */
export const voicedCutArb: fc.Arbitrary<Cut> = cutArb.chain((cut) =>
  fc.array(fc.option(fc.record({ frames: fc.integer({ min: 1, max: 200 }), cjk: fc.boolean() }), { nil: null }), { minLength: cut.clips.length, maxLength: cut.clips.length }).map((voices) => ({
    ...cut,
    clips: cut.clips.map((c, i) => {
      const v = voices[i];
      return v ? { ...c, voice: { mediaName: v.cjk ? `${i} 梅 & "话".wav` : `voice-${i}.wav`, frames: v.frames } } : c;
    }),
  })),
);
