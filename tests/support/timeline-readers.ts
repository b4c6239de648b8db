import type { Joint, Shown } from "./film-cuts";
import { child, parseXml } from "./xml-lite";

// Readers for the hand-off files, written from the formats' specifications (not from our writers): each
// turns a file back into what an editor would show — every take's visible film frames including the
// handles a transition borrows (Shown), the transitions (Joint), and the edit spans of the clips — so the
// tests compare that with the cut.

export interface ReadBack {
  title: string;
  clips: { name: string; mediaPath: string; recordIn: number; recordOut: number; sourceIn: number }[];
  shown: Shown[];
  joints: Joint[];
}

function fail(msg: string): never {
  throw new Error(msg);
}

/** A sound on an audio track / lane / channel: film frames [recordIn, recordOut) play its source from sourceIn. */
export interface AudioRead {
  track: string;
  mediaPath: string;
  recordIn: number;
  recordOut: number;
  sourceIn: number;
}

// ---- OpenTimelineIO ----------------------------------------------------------------------------

interface OtioTime {
  OTIO_SCHEMA: string;
  rate: number;
  value: number;
}

function frames(t: OtioTime, rate: number): number {
  if (t.OTIO_SCHEMA !== "RationalTime.1" || t.rate !== rate || !Number.isInteger(t.value)) fail(`bad RationalTime ${JSON.stringify(t)}`);
  return t.value;
}

/** An OTIO audio track: Gap.1 (silence) and Clip.1 items end to end, no transitions. */
function readOtioAudioTrack(t: { OTIO_SCHEMA: string; name: string; kind: string; children: Record<string, unknown>[] }, rate: number): AudioRead[] {
  if (t.OTIO_SCHEMA !== "Track.1" || t.kind !== "Audio") fail(`expected an audio Track.1, got ${t.OTIO_SCHEMA} ${t.kind}`);
  const out: AudioRead[] = [];
  let cursor = 0;
  for (const c of t.children) {
    if (c.OTIO_SCHEMA !== "Clip.1" && c.OTIO_SCHEMA !== "Gap.1") fail(`unexpected ${String(c.OTIO_SCHEMA)} on an audio track`);
    const sr = c.source_range as { OTIO_SCHEMA: string; start_time: OtioTime; duration: OtioTime };
    if (sr.OTIO_SCHEMA !== "TimeRange.1") fail("bad TimeRange");
    const duration = frames(sr.duration, rate);
    if (c.OTIO_SCHEMA === "Clip.1") {
      const ref = c.media_reference as Record<string, unknown>;
      if (ref.OTIO_SCHEMA !== "ExternalReference.1") fail("expected an ExternalReference.1");
      const available = ref.available_range as { duration: OtioTime; start_time: OtioTime };
      const sourceIn = frames(sr.start_time, rate);
      if (sourceIn < frames(available.start_time, rate) || sourceIn + duration > frames(available.duration, rate)) fail("audio clip outside its media");
      out.push({ track: t.name, mediaPath: ref.target_url as string, recordIn: cursor, recordOut: cursor + duration, sourceIn });
    }
    cursor += duration;
  }
  return out;
}

/**
 * OTIO: a track's items are laid end to end; a Transition takes no time, spans [cut - in_offset,
 * cut + out_offset] and extends the item after it back by in_offset, the item before it on by out_offset.
 */
export function readOtio(text: string, rate = 24): ReadBack & { raw: unknown; audio: AudioRead[] } {
  const tl = JSON.parse(text) as Record<string, unknown>;
  if (tl.OTIO_SCHEMA !== "Timeline.1") fail("not a Timeline.1");
  const stack = tl.tracks as { OTIO_SCHEMA: string; children: { OTIO_SCHEMA: string; name: string; kind: string; children: Record<string, unknown>[] }[] };
  if (stack.OTIO_SCHEMA !== "Stack.1" || stack.children.length < 1) fail("expected one Stack.1 with a track");
  const [track, ...audioTracks] = stack.children as [(typeof stack.children)[number], ...typeof stack.children];
  if (track.OTIO_SCHEMA !== "Track.1" || track.kind !== "Video") fail("expected a video Track.1 first");
  const audio = audioTracks.flatMap((t) => readOtioAudioTrack(t, rate));

  type Item = { schema: string; start: number; duration: number; sourceIn: number; head: number; tail: number; name: string; mediaPath: string };
  const items: Item[] = [];
  const transitions: { at: number; inOffset: number; outOffset: number; index: number }[] = [];
  let cursor = 0;
  for (const c of track.children) {
    const schema = c.OTIO_SCHEMA as string;
    if (schema === "Transition.1") {
      if (c.transition_type !== "SMPTE_Dissolve") fail(`unexpected transition_type ${String(c.transition_type)}`);
      const inOffset = frames(c.in_offset as OtioTime, rate);
      const outOffset = frames(c.out_offset as OtioTime, rate);
      const prev = items.at(-1) ?? fail("a transition cannot open a track");
      prev.tail = outOffset;
      transitions.push({ at: cursor, inOffset, outOffset, index: items.length });
      continue;
    }
    if (schema !== "Clip.1" && schema !== "Gap.1") fail(`unexpected ${schema}`);
    const sr = c.source_range as { OTIO_SCHEMA: string; start_time: OtioTime; duration: OtioTime };
    if (sr.OTIO_SCHEMA !== "TimeRange.1") fail("bad TimeRange");
    const duration = frames(sr.duration, rate);
    const ref = schema === "Clip.1" ? (c.media_reference as Record<string, unknown>) : null;
    if (ref && ref.OTIO_SCHEMA !== "ExternalReference.1") fail("expected an ExternalReference.1");
    const lastT = transitions.at(-1);
    const head = lastT && lastT.index === items.length ? lastT.inOffset : 0;
    items.push({ schema, start: cursor, duration, sourceIn: frames(sr.start_time, rate), head, tail: 0, name: c.name as string, mediaPath: (ref?.target_url as string) ?? "" });
    cursor += duration;
  }
  const clips = items.filter((it) => it.schema === "Clip.1");
  const shown: Shown[] = clips.map((it) => ({
    mediaName: decodeURIComponent(it.mediaPath.split("/").pop()!),
    recordIn: it.start - it.head,
    recordOut: it.start + it.duration + it.tail,
    sourceIn: it.sourceIn - it.head,
  }));
  // A transition between two clips is a crossfade; clip > transition > zero gap > transition > clip (or
  // clip > zero gap > transition > clip, when the fade-out half is empty) is a fade through black.
  const joints: Joint[] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.schema !== "Gap.1") continue;
    if (it.duration !== 0) fail("only zero-length gaps expected");
    const into = transitions.find((t) => t.index === k);
    const outOf = transitions.find((t) => t.index === k + 1) ?? fail("a black gap must fade out into the next clip");
    const before = into?.inOffset ?? 0;
    if ((into?.outOffset ?? 0) !== 0 || outOf.inOffset !== 0) fail("a fade through black must not borrow the clips' handles");
    joints.push({ kind: "fade_black", start: it.start - before, frames: before + outOf.outOffset });
  }
  for (const t of transitions) {
    if (items[t.index - 1]?.schema === "Clip.1" && items[t.index]?.schema === "Clip.1") joints.push({ kind: "crossfade", start: t.at - t.inOffset, frames: t.inOffset + t.outOffset });
  }
  joints.sort((a, b) => a.start - b.start);
  return {
    raw: tl,
    audio,
    title: tl.name as string,
    clips: clips.map((it) => ({ name: it.name, mediaPath: it.mediaPath, recordIn: it.start, recordOut: it.start + it.duration, sourceIn: it.sourceIn })),
    shown,
    joints,
  };
}

// ---- FCPXML ------------------------------------------------------------------------------------

/** FCPXML time: "0s", "5s" or "n/ds"; returned in frames at `rate`, which must be exact. */
function fcpFrames(value: string | undefined, rate: number): number {
  const m = /^(\d+)(?:\/(\d+))?s$/.exec(value ?? "") ?? fail(`bad FCPXML time ${value}`);
  const num = Number(m[1]) * rate;
  const den = Number(m[2] ?? 1);
  if (num % den !== 0) fail(`${value} is not a whole frame at ${rate} fps`);
  return num / den;
}

/**
 * FCPXML: spine items abut; a transition between two clips overlaps both for its duration from its
 * offset, taking the outgoing clip's tail and the incoming clip's head as handles. Fade To Color shows
 * the outgoing clip until the edit point and the incoming one from it.
 */
export function readFcpxml(
  text: string,
  rate = 24,
): ReadBack & { version: string; format: Record<string, string>; sequenceDuration: number; captions: { recordIn: number; recordOut: number; text: string; role: string }[]; audio: AudioRead[] } {
  const root = parseXml(text);
  if (root.name !== "fcpxml") fail("root is not <fcpxml>");
  const resources = child(root, "resources");
  const byId = new Map(resources.children.map((r) => [r.attrs.id ?? fail(`<${r.name}> without id`), r]));
  const project = child(child(child(root, "library"), "event"), "project");
  const sequence = child(project, "sequence");
  const format = byId.get(sequence.attrs.format!) ?? fail("sequence format missing");
  if (fcpFrames(format.attrs.frameDuration, rate) !== 1) fail("format is not one frame per 1/24 s");
  const spine = child(sequence, "spine");
  const clips: ReadBack["clips"] = [];
  const shown: Shown[] = [];
  const joints: Joint[] = [];
  const captions: { recordIn: number; recordOut: number; text: string; role: string }[] = [];
  const audio: AudioRead[] = [];
  let cursor = 0;
  let pending: { kind: Joint["kind"]; offset: number; duration: number } | null = null;
  for (const el of spine.children) {
    if (el.name === "transition") {
      const filter = child(el, "filter-video");
      const effect = byId.get(filter.attrs.ref!) ?? fail("transition effect missing");
      const kind = effect.attrs.name === "Cross Dissolve" ? "crossfade" : effect.attrs.name === "Fade To Color" ? "fade_black" : fail(`unknown effect ${effect.attrs.name}`);
      pending = { kind, offset: fcpFrames(el.attrs.offset, rate), duration: fcpFrames(el.attrs.duration, rate) };
      if (pending.offset > cursor || pending.offset + pending.duration < cursor) fail("a transition must straddle the edit point");
      joints.push({ kind, start: pending.offset, frames: pending.duration });
      continue;
    }
    if (el.name !== "asset-clip") fail(`unexpected <${el.name}> in the spine`);
    const asset = byId.get(el.attrs.ref!) ?? fail("asset missing");
    if (asset.name !== "asset") fail("asset-clip must reference an asset");
    const offset = fcpFrames(el.attrs.offset, rate);
    if (offset !== cursor) fail(`spine clips must abut: ${offset} != ${cursor}`);
    const start = fcpFrames(el.attrs.start, rate);
    const duration = fcpFrames(el.attrs.duration, rate);
    const assetDuration = fcpFrames(asset.attrs.duration, rate);
    if (start < 0 || start + duration > assetDuration) fail("clip outside its asset");
    // A connected item's offset is in its parent clip's source time.
    for (const cap of el.children) {
      if (cap.name === "asset-clip") {
        // An audio clip connected below the storyline (a negative lane) that may outlast its parent.
        const lane = Number(cap.attrs.lane);
        if (!(lane < 0)) fail("connected audio sits on a negative lane");
        const a = byId.get(cap.attrs.ref!) ?? fail("audio asset missing");
        if (a.name !== "asset" || a.attrs.hasAudio !== "1" || a.attrs.hasVideo !== undefined) fail("a connected voice must reference an audio-only asset");
        const aStart = fcpFrames(cap.attrs.start, rate);
        const aDuration = fcpFrames(cap.attrs.duration, rate);
        if (aStart < 0 || aStart + aDuration > fcpFrames(a.attrs.duration, rate)) fail("audio clip outside its asset");
        const at = offset + fcpFrames(cap.attrs.offset, rate) - start;
        audio.push({ track: `lane ${lane}`, mediaPath: child(a, "media-rep").attrs.src!, recordIn: at, recordOut: at + aDuration, sourceIn: aStart });
        continue;
      }
      if (cap.name !== "caption") fail(`unexpected <${cap.name}> in an asset-clip`);
      if (cap.attrs.lane !== "1") fail("captions sit on lane 1");
      const capIn = offset + fcpFrames(cap.attrs.offset, rate) - start;
      const styleRef = child(child(cap, "text"), "text-style");
      const def = cap.children.find((c) => c.name === "text-style-def" && c.attrs.id === styleRef.attrs.ref) ?? fail("caption style missing");
      child(def, "text-style");
      captions.push({ recordIn: capIn, recordOut: capIn + fcpFrames(cap.attrs.duration, rate), text: styleRef.text, role: cap.attrs.role! });
    }
    const src = child(asset, "media-rep").attrs.src!;
    clips.push({ name: el.attrs.name!, mediaPath: src, recordIn: offset, recordOut: offset + duration, sourceIn: start });
    const mediaName = decodeURIComponent(src.split("/").pop()!);
    let recordIn = offset;
    if (pending?.kind === "crossfade") recordIn = pending.offset;
    shown.push({ mediaName, recordIn, recordOut: offset + duration, sourceIn: start - (offset - recordIn) });
    // The previous clip's tail handle runs to the end of the transition.
    const prev = shown.at(-2);
    if (pending?.kind === "crossfade" && prev) prev.recordOut = pending.offset + pending.duration;
    pending = null;
    cursor = offset + duration;
  }
  return {
    version: root.attrs.version!,
    format: format.attrs,
    sequenceDuration: fcpFrames(sequence.attrs.duration, rate),
    captions,
    audio,
    title: project.attrs.name!,
    clips,
    shown,
    joints,
  };
}

// ---- CMX 3600 EDL -------------------------------------------------------------------------------

function tcFrames(tc: string, rate: number): number {
  const m = /^(\d\d):(\d\d):(\d\d):(\d\d)$/.exec(tc) ?? fail(`bad timecode ${tc}`);
  const [h, mi, s, f] = m.slice(1).map(Number) as [number, number, number, number];
  if (f >= rate || s >= 60 || mi >= 60) fail(`timecode out of range ${tc}`);
  return ((h * 60 + mi) * 60 + s) * rate + f;
}

const EVENT_LINE = /^(\d{3}) {2}(\S{1,8}) +(V|A|A2) +(C|D (\d{3})) +(\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d)$/;

/**
 * CMX 3600: an event's source and record durations match; a pair of lines with one event number is a
 * dissolve from the first line's source (held on past its out point for the dissolve's length) to the
 * second's, starting at the second line's record in. "BL" is black. Record times start at 01:00:00:00.
 */
export function readEdl(text: string, rate = 24): ReadBack & { fcm: string; audio: AudioRead[] } {
  const lines = text.split("\r\n");
  if (lines.at(-1) !== "") fail("the EDL must end with a line break");
  const title = /^TITLE: (.*)$/.exec(lines[0] ?? "")?.[1] ?? fail("missing TITLE");
  const fcm = /^FCM: (.*)$/.exec(lines[1] ?? "")?.[1] ?? fail("missing FCM");
  const origin = 3600 * rate;
  type Line = { event: number; reel: string; channel: string; dissolve: number; srcIn: number; srcOut: number; recIn: number; recOut: number; comments: string[] };
  const events: Line[] = [];
  for (const line of lines.slice(2)) {
    if (line === "") continue;
    if (line.startsWith("* ")) {
      (events.at(-1) ?? fail("comment before any event")).comments.push(line);
      continue;
    }
    const m = EVENT_LINE.exec(line) ?? fail(`not a CMX 3600 event line: ${line}`);
    const l: Line = {
      event: Number(m[1]),
      reel: m[2]!,
      channel: m[3]!,
      dissolve: m[5] ? Number(m[5]) : 0,
      srcIn: tcFrames(m[6]!, rate),
      srcOut: tcFrames(m[7]!, rate),
      recIn: tcFrames(m[8]!, rate) - origin,
      recOut: tcFrames(m[9]!, rate) - origin,
      comments: [],
    };
    if (l.srcOut - l.srcIn !== l.recOut - l.recIn) fail(`source and record durations differ: ${line}`);
    events.push(l);
  }
  // Audio-only events (channels A, A2) follow the picture's, numbered on from them: each a cut of one file.
  const firstAudio = events.findIndex((e) => e.channel !== "V");
  const audioEvents = firstAudio < 0 ? [] : events.splice(firstAudio);
  const audio: AudioRead[] = [];
  let audioNumber = (events.at(-1)?.event ?? 0) + 1;
  for (const a of audioEvents) {
    if (a.channel === "V") fail(`picture event ${a.event} after the audio events`);
    if (a.event !== audioNumber++ || a.dissolve || a.reel === "BL") fail(`audio event ${a.event} must be a numbered cut of a file`);
    const name = a.comments.find((c) => c.startsWith("* FROM CLIP NAME: "))?.slice("* FROM CLIP NAME: ".length) ?? fail(`audio event ${a.event} lacks its clip name`);
    audio.push({ track: a.channel, mediaPath: name, recordIn: a.recIn, recordOut: a.recOut, sourceIn: a.srcIn });
  }
  // Comments of a pair follow its second line: FROM names the first line's clip, TO the second's.
  const named = (l: Line, which: "FROM" | "TO", pairComments: string[]) =>
    pairComments.find((c) => c.startsWith(`* ${which} CLIP NAME: `))?.slice(`* ${which} CLIP NAME: `.length) ?? fail(`event ${l.event} lacks * ${which} CLIP NAME`);
  const clips: ReadBack["clips"] = [];
  const shown: Shown[] = [];
  const joints: Joint[] = [];
  let expectedEvent = 1;
  let cursor = 0;
  let fadeStart: number | null = null;
  for (let k = 0; k < events.length; k++) {
    const a = events[k]!;
    if (a.event !== expectedEvent++) fail(`events must be numbered 1, 2, 3…: got ${a.event}`);
    const b = events[k + 1]?.event === a.event ? events[++k]! : null;
    if (!b) {
      if (a.reel === "BL" || a.dissolve) fail("a lone event is a cut of a clip");
      if (a.recIn !== cursor) fail(`record gap or overlap at event ${a.event}`);
      const name = named(a, "FROM", a.comments);
      clips.push({ name, mediaPath: name, recordIn: a.recIn, recordOut: a.recOut, sourceIn: a.srcIn });
      shown.push({ mediaName: name, recordIn: a.recIn, recordOut: a.recOut, sourceIn: a.srcIn });
      cursor = a.recOut;
      continue;
    }
    if (a.dissolve || a.recIn !== a.recOut || a.srcIn !== a.srcOut || !b.dissolve || b.recIn !== a.recIn || b.recIn !== cursor) fail(`malformed dissolve pair at event ${a.event}`);
    // The outgoing side holds on for the dissolve.
    if (a.reel !== "BL") {
      const prev = shown.at(-1) ?? fail("dissolve from nothing");
      if (named(a, "FROM", b.comments) !== prev.mediaName || a.srcIn !== prev.sourceIn + (a.recIn - prev.recordIn)) fail(`event ${a.event} does not continue the previous clip`);
      prev.recordOut = a.recIn + b.dissolve;
    }
    if (b.reel === "BL") {
      if (a.reel === "BL") fail("black to black");
      fadeStart = b.recIn;
      cursor = b.recOut;
      continue;
    }
    const name = named(b, "TO", b.comments);
    clips.push({ name, mediaPath: name, recordIn: b.recIn, recordOut: b.recOut, sourceIn: b.srcIn });
    shown.push({ mediaName: name, recordIn: b.recIn, recordOut: b.recOut, sourceIn: b.srcIn });
    if (a.reel === "BL") {
      joints.push({ kind: "fade_black", start: fadeStart ?? b.recIn, frames: (fadeStart === null ? 0 : b.recIn - fadeStart) + b.dissolve });
      // A fade-in without a fade-out half still shows the outgoing clip up to the edit point.
    } else {
      joints.push({ kind: "crossfade", start: b.recIn, frames: b.dissolve });
    }
    fadeStart = null;
    cursor = b.recOut;
  }
  return { title, fcm, clips, shown, joints, audio };
}

// ---- SubRip -------------------------------------------------------------------------------------

function srtMs(t: string): number {
  const m = /^(\d\d):(\d\d):(\d\d),(\d{3})$/.exec(t) ?? fail(`bad SRT time ${t}`);
  const [h, mi, s, ms] = m.slice(1).map(Number) as [number, number, number, number];
  return ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

export interface Cue {
  index: number;
  startMs: number;
  endMs: number;
  text: string;
}

/** SubRip: blocks separated by blank lines; index, "start --> end", then the text lines. */
export function readSrt(text: string): Cue[] {
  if (text === "") return [];
  if (!text.endsWith("\r\n\r\n")) fail("an SRT file ends with a blank line after its last cue");
  return text
    .slice(0, -4)
    .split("\r\n\r\n")
    .map((block) => {
      const [index, timing, ...rest] = block.split("\r\n");
      const m = /^(\S+) --> (\S+)$/.exec(timing ?? "") ?? fail(`bad timing line ${timing}`);
      if (!/^\d+$/.test(index ?? "")) fail(`bad cue index ${index}`);
      if (rest.length === 0 || rest.some((l) => l.trim() === "")) fail("a cue needs text and no blank lines");
      // Readers that split lines on more than CRLF would see other lines, or a blank one ending the cue.
      if (rest.some((l) => /[\r\n\u0085\u2028\u2029]/.test(l))) fail("a cue line holds a line break other than CRLF");
      return { index: Number(index), startMs: srtMs(m[1]!), endMs: srtMs(m[2]!), text: rest.join("\n") };
    });
}
