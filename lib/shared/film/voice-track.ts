import { type Cut, placeClips } from "./cut";

// Where each voice-over sits on the film's timeline, for the hand-off files: as the render mixes it
// (filter-graph.ts), from its clip's first frame (recordIn) for the voice's length, cut at the clip's
// end. Two consecutive clips overlap during a transition and so may their voices; a track (OTIO), a
// lane (FCPXML) or a channel (EDL) holds one sound at a time, so voices alternate between two of them
// by clip number. Clip i+2 never starts before clip i ends (a transition is at most half of either
// clip it joins), so two voices on one track never overlap.

export interface VoicePlacement {
  shotId: string;
  /** The WAV's name (in the package: its file under audio/). */
  mediaName: string;
  /** The voice's whole length in frames, rounded up. */
  sourceFrames: number;
  /** Film frames [recordIn, recordOut) where it is heard. */
  recordIn: number;
  recordOut: number;
  /** 0 or 1: which of the two voice tracks carries it. */
  track: 0 | 1;
}

export function voicePlacements(cut: Cut): VoicePlacement[] {
  return placeClips(cut).flatMap((p, i) => {
    const voice = p.clip.voice;
    if (!voice || voice.frames <= 0) return [];
    const recordOut = Math.min(p.recordOut, p.recordIn + voice.frames);
    return [{ shotId: p.clip.shotId, mediaName: voice.mediaName, sourceFrames: voice.frames, recordIn: p.recordIn, recordOut, track: (i % 2) as 0 | 1 }];
  });
}
