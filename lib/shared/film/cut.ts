// The cut of a film: the ordered clips that an export renders and that the hand-off files (.otio,
// FCPXML, EDL, .srt) describe. Everything is counted in whole frames at the film's rate so that the
// render, the timeline files and the captions agree to the frame; seconds appear only at the edges.
//
// A transition belongs to the clip it leaves ("out" of clip i, into clip i+1). Crossfade and fade
// through black both overlap the two clips by the transition's length (ffmpeg's xfade, an OTIO
// Transition with in/out offsets, an FCPXML transition), so the film's length is the sum of the
// trimmed clip lengths minus the overlaps.

export const FILM_ASPECTS = ["16:9", "9:16", "1:1"] as const;
export type FilmAspect = (typeof FILM_ASPECTS)[number];

/** Output size per aspect; every shot of a film shares it (Vidu Q1 renders 1080p). */
export const FILM_FRAME_SIZE: Record<FilmAspect, { width: number; height: number }> = {
  "16:9": { width: 1920, height: 1080 },
  "9:16": { width: 1080, height: 1920 },
  "1:1": { width: 1080, height: 1080 },
};

export const FILM_FPS = 24;

export const TRANSITION_KINDS = ["cut", "crossfade", "fade_black"] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export interface CutTransition {
  kind: TransitionKind;
  /** Overlap in frames; 0 for "cut". */
  frames: number;
}

export interface CutClip {
  /** Stable id of the shot this clip comes from. */
  shotId: string;
  /** Human name used in timeline files ("Shot 3 — Harbour at dawn"). */
  name: string;
  /** File name of the chosen take inside an export package / render input (e.g. "shot-03.mp4"). */
  mediaName: string;
  /** Length of the whole take in frames (Vidu shots: 5 s × 24 = 120). */
  sourceFrames: number;
  /** Trim within the take: frames [inFrame, outFrame). */
  inFrame: number;
  outFrame: number;
  /** On-screen line shown for the whole time this clip is on screen; null for none. */
  caption: string | null;
  /** Transition into the next clip; ignored on the last clip. */
  transitionOut: CutTransition;
  /**
   * The shot's voice-over (voice.ts): a WAV that starts with the clip and lasts `frames` (rounded
   * up). It is mixed over the clip's own sound, which is ducked under it, and cut at the clip's end;
   * the caption shows while it speaks. Absent or null: no voice.
   */
  voice?: CutVoice | null;
}

interface CutVoice {
  /** File name of the WAV among the render's inputs (e.g. "voice-03.wav"). */
  mediaName: string;
  frames: number;
}

export interface Cut {
  title: string;
  aspect: FilmAspect;
  fps: typeof FILM_FPS;
  clips: CutClip[];
}

export interface PlacedClip {
  clip: CutClip;
  /** First frame of this clip on the film's timeline. */
  recordIn: number;
  /** One past its last frame on the film's timeline. */
  recordOut: number;
  /** Overlap with the next clip (0 for a cut or the last clip). */
  overlapOut: number;
}

function clipFrames(clip: CutClip): number {
  return clip.outFrame - clip.inFrame;
}

/** The overlap actually applied after `clips[i]`: none after the last clip or for a cut. */
function overlapAfter(clips: readonly CutClip[], i: number): number {
  const clip = clips[i];
  if (!clip || i >= clips.length - 1) return 0;
  return clip.transitionOut.kind === "cut" ? 0 : clip.transitionOut.frames;
}

/**
 * Where each clip sits on the film's timeline. Clip i+1 starts `overlap` frames before clip i ends.
 * Callers validate first (validateCut); this only does the arithmetic.
 */
export function placeClips(cut: Cut): PlacedClip[] {
  const placed: PlacedClip[] = [];
  let start = 0;
  cut.clips.forEach((clip, i) => {
    const overlapOut = overlapAfter(cut.clips, i);
    const recordIn = start;
    const recordOut = recordIn + clipFrames(clip);
    placed.push({ clip, recordIn, recordOut, overlapOut });
    start = recordOut - overlapOut;
  });
  return placed;
}

/** Total length of the film in frames: sum of trims minus transition overlaps. */
export function filmFrames(cut: Cut): number {
  const placed = placeClips(cut);
  return placed.at(-1)?.recordOut ?? 0;
}

export type CutProblem =
  | { code: "empty" }
  | { code: "trim_out_of_range"; shotId: string }
  | { code: "trim_too_short"; shotId: string }
  | { code: "transition_too_long"; shotId: string };

/** Shortest clip we cut to: half a second. */
const MIN_CLIP_FRAMES = 12;

/**
 * Problems that make a cut impossible to render: trims outside the take, clips shorter than half a
 * second, or a transition longer than half of either clip it joins (xfade needs both sides).
 */
export function validateCut(cut: Cut): CutProblem[] {
  if (cut.clips.length === 0) return [{ code: "empty" }];
  const problems: CutProblem[] = [];
  cut.clips.forEach((clip, i) => {
    if (clip.inFrame < 0 || clip.outFrame > clip.sourceFrames || clip.inFrame >= clip.outFrame) {
      problems.push({ code: "trim_out_of_range", shotId: clip.shotId });
      return;
    }
    if (clipFrames(clip) < MIN_CLIP_FRAMES) problems.push({ code: "trim_too_short", shotId: clip.shotId });
    const overlap = overlapAfter(cut.clips, i);
    if (overlap > 0) {
      const next = cut.clips[i + 1];
      if (next && (overlap * 2 > clipFrames(clip) || overlap * 2 > clipFrames(next))) problems.push({ code: "transition_too_long", shotId: clip.shotId });
    }
  });
  return problems;
}
