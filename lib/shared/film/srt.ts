import { captionFrames } from "./caption-spans";
import { captionLines } from "./caption-text";
import type { Cut } from "./cut";
import { editSegments } from "./edit-points";
import { framesToSrtTime } from "./timecode";

// The captions of a cut as a SubRip (.srt) file. SubRip has no formal standard; we follow the de-facto
// format as documented with the original SubRip tool and by the players that read it: numbered cues
// from 1, "HH:MM:SS,mmm --> HH:MM:SS,mmm", one or more text lines, a blank line; UTF-8 without a BOM;
// CRLF line ends, which every reader accepts.
//
// Timing: a caption shows for its clip's span between edit points (edit-points.ts), so across a
// crossfade or a fade through black the outgoing line gives way to the incoming one at the transition's
// midpoint and no two cues overlap. A clip with a voice-over shows its line only while the voice speaks.

const EOL = "\r\n";

export function cutToSrt(cut: Cut): string {
  const cues: string[] = [];
  for (const s of editSegments(cut)) {
    const lines = captionLines(s.clip.caption);
    const frames = captionFrames(s);
    if (lines === null || frames === null) continue;
    const text = lines.join(EOL);
    const timing = `${framesToSrtTime(frames.start, cut.fps)} --> ${framesToSrtTime(frames.end, cut.fps)}`;
    cues.push(`${cues.length + 1}${EOL}${timing}${EOL}${text}${EOL}${EOL}`);
  }
  return cues.join("");
}
