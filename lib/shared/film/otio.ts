import { type Cut, FILM_FRAME_SIZE } from "./cut";
import { type EditSegment, type EditTransition, editSegments } from "./edit-points";
import { packageAudioUrl, packageMediaUrl } from "./media-url";
import { type VoicePlacement, voicePlacements } from "./voice-track";

// A cut as an OpenTimelineIO JSON file (.otio), following the OTIO File Format Specification and the
// serialized schema of OpenTimelineIO 0.19: Timeline.1 > Stack.1 > one Track.1 (kind "Video") of
// Clip.1 / Transition.1 / Gap.1, with ExternalReference.1 media, TimeRange.1 and RationalTime.1 at the
// film's rate. Clip.1 (one media_reference) rather than Clip.2 because every OTIO release reads Clip.1
// (newer ones upgrade it on load), while releases before 0.15 cannot read Clip.2.
//
// How OTIO draws an overlap: items in a track are laid end to end and a Transition takes no time of its
// own. A transition between A and B at their edit point c spans [c - in_offset, c + out_offset]: B is
// shown in_offset frames before its trimmed start (its head handle) and A out_offset frames past its
// trimmed end (its tail handle). So each clip's source_range is its span between edit points
// (edit-points.ts) and the transition's in_offset / out_offset are the overlap's halves before / after
// the edit point; the track's length is the film's length.
//
// A fade through black is, as the specification suggests, a transition into a zero-length Gap and one
// out of it: A dissolves to black over the first half of the overlap, black dissolves to B over the
// second, and the black frame sits on the edit point.
//
// Voice-overs are Clip.1 items on Track.1 of kind "Audio" (the specification's two track kinds are
// "Video" and "Audio"), after the video track in the stack: silence before a voice is a Gap.1, each
// voice a clip whose ExternalReference is its WAV under audio/ in the package, from the WAV's first
// frame. Voices alternate between tracks A1 and A2 (voice-track.ts); a track with no voice is left out.

interface RationalTime {
  OTIO_SCHEMA: "RationalTime.1";
  rate: number;
  value: number;
}

interface TimeRange {
  OTIO_SCHEMA: "TimeRange.1";
  duration: RationalTime;
  start_time: RationalTime;
}

function rt(value: number, rate: number): RationalTime {
  return { OTIO_SCHEMA: "RationalTime.1", rate, value };
}

function range(start: number, duration: number, rate: number): TimeRange {
  return { OTIO_SCHEMA: "TimeRange.1", duration: rt(duration, rate), start_time: rt(start, rate) };
}

/** The OTIO transition_type every reader knows; anything else is a "Custom_Transition". */
const DISSOLVE = "SMPTE_Dissolve";

function transition(name: string, inOffset: number, outOffset: number, rate: number): object {
  return {
    OTIO_SCHEMA: "Transition.1",
    metadata: {},
    name,
    in_offset: rt(inOffset, rate),
    out_offset: rt(outOffset, rate),
    transition_type: DISSOLVE,
  };
}

function zeroGap(rate: number): object {
  return { OTIO_SCHEMA: "Gap.1", metadata: {}, name: "Black", source_range: range(0, 0, rate), effects: [], markers: [], enabled: true };
}

/** The items that go between the previous clip and this one for the transition into it. */
function transitionItems(t: EditTransition, rate: number): object[] {
  if (t.kind === "crossfade") return [transition("Cross Dissolve", t.before, t.after, rate)];
  // Into the gap: the gap's (black) head covers `before` frames before the edit, A adds no tail.
  // Out of the gap: B adds no head, the gap's (black) tail covers `after` frames after the edit.
  return [
    ...(t.before > 0 ? [transition("Fade to Black", t.before, 0, rate)] : []),
    zeroGap(rate),
    transition("Fade from Black", 0, t.after, rate),
  ];
}

/** A file of `frames` frames at `url` (relative, inside the package), from its first frame. */
function externalReference(name: string, frames: number, url: string, rate: number): object {
  return { OTIO_SCHEMA: "ExternalReference.1", metadata: {}, name, available_range: range(0, frames, rate), available_image_bounds: null, target_url: url };
}

function clip(s: EditSegment, rate: number): object {
  const c = s.clip;
  return {
    OTIO_SCHEMA: "Clip.1",
    metadata: { framehouse: { shot_id: c.shotId, caption: c.caption } },
    name: c.name,
    source_range: range(s.sourceIn, s.editOut - s.editIn, rate),
    effects: [],
    markers: [],
    enabled: true,
    media_reference: externalReference(c.mediaName, c.sourceFrames, packageMediaUrl(c.mediaName), rate),
  };
}

function gap(frames: number, rate: number): object {
  return { OTIO_SCHEMA: "Gap.1", metadata: {}, name: "", source_range: range(0, frames, rate), effects: [], markers: [], enabled: true };
}

function voiceClip(v: VoicePlacement, rate: number): object {
  return {
    OTIO_SCHEMA: "Clip.1",
    metadata: { framehouse: { shot_id: v.shotId } },
    name: v.mediaName,
    source_range: range(0, v.recordOut - v.recordIn, rate),
    effects: [],
    markers: [],
    enabled: true,
    media_reference: externalReference(v.mediaName, v.sourceFrames, packageAudioUrl(v.mediaName), rate),
  };
}

function track(name: string, kind: "Video" | "Audio", children: object[]): object {
  return { OTIO_SCHEMA: "Track.1", metadata: {}, name, source_range: null, effects: [], markers: [], enabled: true, children, kind };
}

/** The audio tracks of the voice-overs: A1 and A2, each only when it carries a voice. */
function voiceTracks(cut: Cut, rate: number): object[] {
  const placements = voicePlacements(cut);
  return ([0, 1] as const).flatMap((n) => {
    const children: object[] = [];
    let cursor = 0;
    for (const v of placements.filter((p) => p.track === n)) {
      if (v.recordIn > cursor) children.push(gap(v.recordIn - cursor, rate));
      children.push(voiceClip(v, rate));
      cursor = v.recordOut;
    }
    return children.length ? [track(`A${n + 1}`, "Audio", children)] : [];
  });
}

/** The .otio text of a (valid) cut: deterministic, indented as OTIO writes it. */
export function cutToOtio(cut: Cut): string {
  const rate = cut.fps;
  const children: object[] = [];
  for (const s of editSegments(cut)) {
    if (s.transitionIn) children.push(...transitionItems(s.transitionIn, rate));
    children.push(clip(s, rate));
  }
  const { width, height } = FILM_FRAME_SIZE[cut.aspect];
  const timeline = {
    OTIO_SCHEMA: "Timeline.1",
    metadata: { framehouse: { aspect: cut.aspect, width, height } },
    name: cut.title,
    global_start_time: rt(0, rate),
    tracks: {
      OTIO_SCHEMA: "Stack.1",
      metadata: {},
      name: "tracks",
      source_range: null,
      effects: [],
      markers: [],
      enabled: true,
      children: [track("V1", "Video", children), ...voiceTracks(cut, rate)],
    },
  };
  return `${JSON.stringify(timeline, null, 4)}\n`;
}
