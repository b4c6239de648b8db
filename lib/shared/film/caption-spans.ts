import { placeClips, type Cut } from "./cut";

// When each caption of a cut is on screen, in whole frames of the film's timeline: the one rule that
// the burnt-in captions of an export and the .srt of a hand-off package both follow, so they agree
// to the frame. A caption shows for its clip's time; where a transition overlaps two clips, the
// overlap is split at its midpoint (the first ⌊overlap/2⌋ frames keep the outgoing caption, the rest
// show the incoming one), so two captions are never on screen at once.

export interface CaptionSpan {
  shotId: string;
  text: string;
  /** First frame showing the caption. */
  startFrame: number;
  /** One past the last frame showing it. */
  endFrame: number;
}

export function captionSpans(cut: Cut): CaptionSpan[] {
  const placed = placeClips(cut);
  const spans: CaptionSpan[] = [];
  placed.forEach((p, i) => {
    const text = p.clip.caption?.trim();
    if (!text) return;
    const prev = placed[i - 1];
    const startFrame = prev ? p.recordIn + Math.floor(prev.overlapOut / 2) : p.recordIn;
    const endFrame = p.overlapOut > 0 ? p.recordOut - p.overlapOut + Math.floor(p.overlapOut / 2) : p.recordOut;
    if (endFrame > startFrame) spans.push({ shotId: p.clip.shotId, text, startFrame, endFrame });
  });
  return spans;
}
