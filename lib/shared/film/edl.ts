import type { Cut } from "./cut";
import { editSegments } from "./edit-points";
import { UNICODE_LINE_SEPARATORS } from "../line-breaks";
import { framesToTimecode } from "./timecode";
import { voicePlacements } from "./voice-track";

// A cut as a CMX 3600 edit decision list (.edl): the header "TITLE:" and "FCM: NON-DROP FRAME", then one
// event per edit with the CMX 3600 event line (event number, reel, channel, transition, source in/out,
// record in/out, timecodes HH:MM:SS:FF at 24 fps, outs exclusive) and "* FROM CLIP NAME:" comments that
// name the take's file, which is how Resolve and Premiere match an "AX" (auxiliary) reel to media.
//
// CMX 3600 dissolves start at the edit: an event ends where the overlap starts, and the next event is a
// pair with one number, a zero-length cut line on the outgoing source where the overlap starts and a
// "D nnn" line on the incoming source that runs from there. A fade through black is two such pairs
// through the "BL" (black) reel: the outgoing clip dissolves to black for the first half of the overlap,
// black dissolves to the incoming clip for the second, meeting at the same edit point the other files
// use (edit-points.ts). Record timecodes start at 01:00:00:00, the usual programme start; sources at
// 00:00:00:00, the takes' first frame (generated clips carry no timecode of their own).
//
// Voice-overs follow the picture as audio-only cut events: the channel field "A" (audio 1) or "A2"
// (audio 2), the two voice tracks of voice-track.ts, so a voice that runs into the next clip's
// transition is not overwritten by the next voice. Each names its WAV in "* FROM CLIP NAME:"; its
// source starts at the WAV's first frame, its record in is the clip's first frame.

const RECORD_START_FRAMES = 3600 * 24;

interface EventLine {
  reel: string;
  dissolve: number;
  srcIn: number;
  srcOut: number;
  recIn: number;
  recOut: number;
  /** The channel field: "V" for the picture, "A" / "A2" for the voice tracks. */
  channel?: "V" | "A" | "A2";
}

/** Event text in the CMX 3600 column layout. */
function eventLine(n: number, l: EventLine, fps: number): string {
  const tc = (f: number) => framesToTimecode(f, fps);
  const edit = l.dissolve > 0 ? `D ${String(l.dissolve).padStart(3, "0")}    ` : "C        ";
  return `${String(n).padStart(3, "0")}  ${l.reel.padEnd(8)} ${(l.channel ?? "V").padEnd(5)} ${edit}${tc(l.srcIn)} ${tc(l.srcOut)} ${tc(RECORD_START_FRAMES + l.recIn)} ${tc(RECORD_START_FRAMES + l.recOut)}`;
}

// A control character (C0, DEL, C1 with NEL) or a Unicode line or paragraph separator would break the
// line-oriented format: readers split lines on them too (a property test found U+2028 in a title).
const NOT_ON_ONE_LINE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${UNICODE_LINE_SEPARATORS}]+`, "g");

/** One line of comment text: no line breaks or other control characters. */
function oneLine(text: string): string {
  return text.replace(NOT_ON_ONE_LINE, " ").trim();
}

const AUX = "AX";
const BLACK = "BL";

/** The .edl text of a (valid) cut: deterministic, UTF-8, CRLF line ends (the format's DOS heritage). */
export function cutToEdl(cut: Cut): string {
  const fps = cut.fps;
  const out: string[] = [`TITLE: ${oneLine(cut.title)}`, "FCM: NON-DROP FRAME", ""];
  let n = 0;
  const segments = editSegments(cut);
  segments.forEach((s, i) => {
    const from = `* FROM CLIP NAME: ${oneLine(s.clip.mediaName)}`;
    const to = `* TO CLIP NAME: ${oneLine(s.clip.mediaName)}`;
    // This clip's event runs from where it starts being seen to where the next overlap starts.
    const next = segments[i + 1];
    const recOut = next?.transitionIn ? next.transitionIn.start : s.editOut;
    const t = s.transitionIn;
    if (!t) {
      const recIn = s.editIn;
      out.push(eventLine(++n, { reel: AUX, dissolve: 0, srcIn: s.sourceIn, srcOut: s.sourceIn + (recOut - recIn), recIn, recOut }, fps), from);
      return;
    }
    const prev = segments[i - 1]!;
    // Where the previous clip's source stands when the overlap starts.
    const prevSrcAtStart = prev.sourceIn + (t.start - prev.editIn);
    const prevFrom = `* FROM CLIP NAME: ${oneLine(prev.clip.mediaName)}`;
    if (t.kind === "crossfade") {
      const srcIn = s.clip.inFrame;
      out.push(
        eventLine(++n, { reel: AUX, dissolve: 0, srcIn: prevSrcAtStart, srcOut: prevSrcAtStart, recIn: t.start, recOut: t.start }, fps),
        eventLine(n, { reel: AUX, dissolve: t.frames, srcIn, srcOut: srcIn + (recOut - t.start), recIn: t.start, recOut }, fps),
        prevFrom,
        to,
      );
      return;
    }
    const edit = t.start + t.before;
    if (t.before > 0) {
      out.push(
        eventLine(++n, { reel: AUX, dissolve: 0, srcIn: prevSrcAtStart, srcOut: prevSrcAtStart, recIn: t.start, recOut: t.start }, fps),
        eventLine(n, { reel: BLACK, dissolve: t.before, srcIn: 0, srcOut: t.before, recIn: t.start, recOut: edit }, fps),
        prevFrom,
      );
    }
    out.push(
      eventLine(++n, { reel: BLACK, dissolve: 0, srcIn: 0, srcOut: 0, recIn: edit, recOut: edit }, fps),
      eventLine(n, { reel: AUX, dissolve: t.after, srcIn: s.sourceIn, srcOut: s.sourceIn + (recOut - edit), recIn: edit, recOut }, fps),
      to,
    );
  });
  for (const v of voicePlacements(cut)) {
    const frames = v.recordOut - v.recordIn;
    out.push(eventLine(++n, { reel: AUX, channel: v.track === 0 ? "A" : "A2", dissolve: 0, srcIn: 0, srcOut: frames, recIn: v.recordIn, recOut: v.recordOut }, fps), `* FROM CLIP NAME: ${oneLine(v.mediaName)}`);
  }
  return `${out.join("\r\n")}\r\n`;
}
