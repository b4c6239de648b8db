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
// midpoint and no two cues overlap.

const EOL = "\r\n";

/** Caption text as cue lines: no blank lines (a blank line ends a cue) and no "-->" (it marks a timing line). */
function cueText(caption: string): string | null {
  const lines = caption
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex -- control characters other than newline and tab have no place in a cue
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
    .split("\n")
    .map((l) => l.replace(/-->/g, "->").trim())
    .filter((l) => l !== "");
  return lines.length ? lines.join(EOL) : null;
}

export function cutToSrt(cut: Cut): string {
  const cues: string[] = [];
  for (const s of editSegments(cut)) {
    const text = s.clip.caption === null ? null : cueText(s.clip.caption);
    if (text === null) continue;
    const timing = `${framesToSrtTime(s.editIn, cut.fps)} --> ${framesToSrtTime(s.editOut, cut.fps)}`;
    cues.push(`${cues.length + 1}${EOL}${timing}${EOL}${text}${EOL}${EOL}`);
  }
  return cues.join("");
}
