import { type Cut, type CutClip, type PlacedClip, placeClips } from "./cut";

// Where one shot hands over to the next. A transition overlaps two clips for `frames` frames; editors
// (OTIO, FCPXML) describe that as an edit point with the transition centred on it, each clip owning the
// film up to / from that point and lending the rest of the overlap as a handle. We put the edit point at
// the overlap's midpoint, rounded down: `before = floor(frames / 2)` frames of the overlap belong to the
// outgoing clip's side of the edit, `after = frames - before` to the incoming clip's.
//
// The same point splits the captions (.srt and burnt-in): a caption shows for its clip's span
// [editIn, editOut), so two captions touch at the midpoint and never overlap. For a fade through black
// the midpoint is the black frame, where the outgoing image is gone and the incoming one not yet up.

export type OverlapKind = "crossfade" | "fade_black";

export interface EditTransition {
  kind: OverlapKind;
  /** The overlap in frames (> 0). */
  frames: number;
  /** Film frame where the overlap starts (the incoming clip's recordIn). */
  start: number;
  /** Frames of the overlap before the edit point. */
  before: number;
  /** Frames of the overlap from the edit point on. */
  after: number;
}

export interface EditSegment {
  index: number;
  placed: PlacedClip;
  clip: CutClip;
  /** Film frames [editIn, editOut) that this clip owns between its edit points. */
  editIn: number;
  editOut: number;
  /** Source frame shown at editIn. */
  sourceIn: number;
  /** The transition into this clip; null for the first clip and after a cut. */
  transitionIn: EditTransition | null;
  /** The transition out of this clip; null for the last clip and before a cut. */
  transitionOut: EditTransition | null;
}

function transitionAfter(placed: readonly PlacedClip[], i: number): EditTransition | null {
  const p = placed[i];
  const next = placed[i + 1];
  if (!p || !next || p.overlapOut === 0) return null;
  const kind = p.clip.transitionOut.kind;
  if (kind === "cut") return null;
  const before = Math.floor(p.overlapOut / 2);
  return { kind, frames: p.overlapOut, start: next.recordIn, before, after: p.overlapOut - before };
}

/** The film frame of the edit between clip i and clip i+1. */
function editPointAfter(placed: readonly PlacedClip[], i: number): number {
  const t = transitionAfter(placed, i);
  const p = placed[i]!;
  return t ? t.start + t.before : p.recordOut;
}

/**
 * Every clip's span between edit points. The spans tile the film exactly: the first starts at 0, each
 * starts where the previous ends, the last ends at filmFrames(cut). Callers validate the cut first.
 */
export function editSegments(cut: Cut): EditSegment[] {
  const placed = placeClips(cut);
  return placed.map((p, i) => {
    const editIn = i === 0 ? p.recordIn : editPointAfter(placed, i - 1);
    const editOut = i === placed.length - 1 ? p.recordOut : editPointAfter(placed, i);
    return {
      index: i,
      placed: p,
      clip: p.clip,
      editIn,
      editOut,
      sourceIn: p.clip.inFrame + (editIn - p.recordIn),
      transitionIn: i === 0 ? null : transitionAfter(placed, i - 1),
      transitionOut: transitionAfter(placed, i),
    };
  });
}
