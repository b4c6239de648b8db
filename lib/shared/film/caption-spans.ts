import { captionLines } from "./caption-text";
import type { Cut } from "./cut";
import { type EditSegment, editSegments } from "./edit-points";

// When each caption of a cut is on screen, in whole frames of the film's timeline: the burnt-in
// captions of an export follow the same rule as the .srt and FCPXML of a hand-off package (a caption
// shows for its clip's span between edit points, edit-points.ts; across a transition the outgoing line
// gives way at the overlap's midpoint, rounded down), and the same text clean-up (caption-text.ts), so
// the render and the files agree to the frame and to the character.

export interface CaptionSpan {
  shotId: string;
  text: string;
  /** First frame showing the caption. */
  startFrame: number;
  /** One past the last frame showing it. */
  endFrame: number;
}

/**
 * Film frames [start, end) when a segment's caption is on screen: its span between edit points, cut
 * short where its voice-over ends (the voice starts with the clip, at recordIn); null when empty.
 */
export function captionFrames(s: EditSegment): { start: number; end: number } | null {
  const end = s.clip.voice ? Math.min(s.editOut, s.placed.recordIn + s.clip.voice.frames) : s.editOut;
  return end > s.editIn ? { start: s.editIn, end } : null;
}

export function captionSpans(cut: Cut): CaptionSpan[] {
  const spans: CaptionSpan[] = [];
  for (const s of editSegments(cut)) {
    const lines = captionLines(s.clip.caption);
    const frames = captionFrames(s);
    if (lines === null || frames === null) continue;
    spans.push({ shotId: s.clip.shotId, text: lines.join("\n"), startFrame: frames.start, endFrame: frames.end });
  }
  return spans;
}
