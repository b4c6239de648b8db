import { captionFrames } from "./caption-spans";
import { captionLines } from "./caption-text";
import { type Cut, FILM_FRAME_SIZE } from "./cut";
import { type EditSegment, type OverlapKind, editSegments } from "./edit-points";
import { packageAudioUrl, packageMediaUrl } from "./media-url";
import { framesToRationalSeconds } from "./timecode";
import { type VoicePlacement, voicePlacements } from "./voice-track";
import { escapeXml } from "./xml-text";

// A cut as Final Cut Pro XML, version 1.9 (the FCPXML 1.9 DTD): the oldest version with media-rep (each
// take's location), which Final Cut Pro 10.5 and later and current DaVinci Resolve releases import.
//
// Layout: resources (one format, the transition effects used, one asset per take) and
// library > event > project > sequence > spine. Times are rational seconds in whole frames ("36/24s").
// In a spine the clips abut: each asset-clip's offset is its edit point on the film's timeline, start
// is the source frame there and duration runs to the next edit point (edit-points.ts). A transition
// element sits between the two clips it joins, centred on their edit point: offset is where the overlap
// starts, duration is the overlap; the media under it comes from the clips' handles, exactly the trim
// the cut keeps outside each clip's span. Crossfades use the built-in Cross Dissolve, fades through
// black the built-in Fade To Color (whose default colour is black), both referenced by their FxPlug uids.
//
// Captions are caption elements (FCPXML 1.8 and later) connected to their clip on lane 1, as Final Cut
// exports them: offset in the clip's own (source) time, so a caption covers exactly its clip's span
// between edit points, the same times as the .srt; role "SRT?captionFormat=SRT.<language>", zh-CN when
// any caption has Chinese characters, else en-US (a caption role holds one language).
//
// Voice-overs are audio-only assets (hasAudio, no video; the WAV under audio/) and asset-clips connected
// below the spine, on lane -1 or -2 (negative lanes sit under the storyline; voices alternate between
// the two, voice-track.ts), role "dialogue". A connected clip's offset is a time in its parent's own
// (source) timeline, so each voice hangs on the spine clip whose span holds its first frame (the
// clip's own, or during a transition into it the previous one) and runs on from there; anchored items
// may outlast their parent.

const FCPXML_VERSION = "1.9";

const TRANSITION_EFFECTS: Record<OverlapKind, { name: string; uid: string }> = {
  crossfade: { name: "Cross Dissolve", uid: "FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265" },
  fade_black: { name: "Fade To Color", uid: "FxPlug:F779C565-486D-4633-8035-0374B4DB8F5C" },
};

/** FCP's name for a 1080p24 landscape format; other frame sizes are described by their attributes only. */
function formatName(width: number, height: number): string | null {
  return width === 1920 && height === 1080 ? "FFVideoFormat1080p24" : null;
}

function attrs(pairs: [string, string | number | null][]): string {
  return pairs
    .filter(([, v]) => v !== null)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

interface Resources {
  lines: string[];
  effectIds: Map<OverlapKind, string>;
  assetIds: Map<string, string>;
  audioIds: Map<string, string>;
}

function resources(cut: Cut, segments: EditSegment[]): Resources {
  const t = (frames: number) => framesToRationalSeconds(frames, cut.fps);
  const { width, height } = FILM_FRAME_SIZE[cut.aspect];
  const lines = [`<format${attrs([["id", "r1"], ["name", formatName(width, height)], ["frameDuration", t(1)], ["width", width], ["height", height]])}/>`];
  let next = 2;
  const effectIds = new Map<OverlapKind, string>();
  for (const kind of ["crossfade", "fade_black"] as const) {
    if (!segments.some((s) => s.transitionIn?.kind === kind)) continue;
    const id = `r${next++}`;
    effectIds.set(kind, id);
    lines.push(`<effect${attrs([["id", id], ["name", TRANSITION_EFFECTS[kind].name], ["uid", TRANSITION_EFFECTS[kind].uid]])}/>`);
  }
  const assetIds = new Map<string, string>();
  for (const { clip } of segments) {
    if (assetIds.has(clip.mediaName)) continue;
    const id = `r${next++}`;
    assetIds.set(clip.mediaName, id);
    lines.push(
      `<asset${attrs([["id", id], ["name", clip.mediaName], ["start", "0s"], ["duration", t(clip.sourceFrames)], ["hasVideo", 1], ["format", "r1"], ["videoSources", 1]])}>`,
      `    <media-rep${attrs([["kind", "original-media"], ["src", packageMediaUrl(clip.mediaName)]])}/>`,
      "</asset>",
    );
  }
  const audioIds = new Map<string, string>();
  for (const v of voicePlacements(cut)) {
    if (audioIds.has(v.mediaName)) continue;
    const id = `r${next++}`;
    audioIds.set(v.mediaName, id);
    lines.push(
      `<asset${attrs([["id", id], ["name", v.mediaName], ["start", "0s"], ["duration", t(v.sourceFrames)], ["hasAudio", 1], ["audioSources", 1], ["audioChannels", 1]])}>`,
      `    <media-rep${attrs([["kind", "original-media"], ["src", packageAudioUrl(v.mediaName)]])}/>`,
      "</asset>",
    );
  }
  return { lines, effectIds, assetIds, audioIds };
}

/** The voices connected to a spine clip: those whose first frame falls in its span between edit points. */
function voiceElements(s: EditSegment, voices: VoicePlacement[], fps: number, res: Resources): string[] {
  const t = (n: number) => framesToRationalSeconds(n, fps);
  return voices
    .filter((v) => v.recordIn >= s.editIn && v.recordIn < s.editOut)
    .map(
      (v) =>
        `<asset-clip${attrs([
          ["ref", res.audioIds.get(v.mediaName)!],
          ["lane", -1 - v.track],
          ["offset", t(s.sourceIn + (v.recordIn - s.editIn))],
          ["name", v.mediaName],
          ["start", "0s"],
          ["duration", t(v.recordOut - v.recordIn)],
          ["audioRole", "dialogue"],
        ])}/>`,
    );
}

function captionLanguage(segments: EditSegment[]): string {
  return segments.some((s) => s.clip.caption !== null && /\p{Script=Han}/u.test(s.clip.caption)) ? "zh-CN" : "en-US";
}

/** The caption connected to a clip, or nothing; `styleId` is unique in the document. */
function captionElement(s: EditSegment, fps: number, language: string, styleId: string): string[] {
  const lines = captionLines(s.clip.caption);
  const frames = captionFrames(s);
  if (!lines || !frames) return [];
  const t = (n: number) => framesToRationalSeconds(n, fps);
  const name = [...lines[0]!].slice(0, 50).join("");
  return [
    `<caption${attrs([["lane", 1], ["offset", t(s.sourceIn)], ["name", name], ["start", "3600s"], ["duration", t(frames.end - frames.start)], ["role", `SRT?captionFormat=SRT.${language}`]])}>`,
    `    <text placement="bottom">`,
    `        <text-style ref="${styleId}">${escapeXml(lines.join("\n"))}</text-style>`,
    "    </text>",
    `    <text-style-def id="${styleId}">`,
    `        <text-style font=".AppleSystemUIFont" fontSize="13" fontFace="Regular" fontColor="1 1 1 1" backgroundColor="0 0 0 1"/>`,
    "    </text-style-def>",
    "</caption>",
  ];
}

function spine(cut: Cut, segments: EditSegment[], res: Resources): string[] {
  const t = (frames: number) => framesToRationalSeconds(frames, cut.fps);
  const language = captionLanguage(segments);
  const voices = voicePlacements(cut);
  const lines: string[] = [];
  for (const s of segments) {
    const tr = s.transitionIn;
    if (tr) {
      const effect = TRANSITION_EFFECTS[tr.kind];
      lines.push(
        `<transition${attrs([["name", effect.name], ["offset", t(tr.start)], ["duration", t(tr.frames)]])}>`,
        `    <filter-video${attrs([["ref", res.effectIds.get(tr.kind)!], ["name", effect.name]])}/>`,
        "</transition>",
      );
    }
    const open = `<asset-clip${attrs([
      ["ref", res.assetIds.get(s.clip.mediaName)!],
      ["offset", t(s.editIn)],
      ["name", s.clip.name],
      ["start", t(s.sourceIn)],
      ["duration", t(s.editOut - s.editIn)],
      ["format", "r1"],
      ["tcFormat", "NDF"],
    ])}`;
    const anchored = [...captionElement(s, cut.fps, language, `ts${s.index + 1}`), ...voiceElements(s, voices, cut.fps, res)];
    if (anchored.length === 0) lines.push(`${open}/>`);
    else lines.push(`${open}>`, ...anchored.map((l) => `    ${l}`), "</asset-clip>");
  }
  return lines;
}

/** The .fcpxml text of a (valid) cut: deterministic, UTF-8. */
export function cutToFcpxml(cut: Cut): string {
  const segments = editSegments(cut);
  const res = resources(cut, segments);
  const total = segments.at(-1)?.editOut ?? 0;
  const indent = (n: number, lines: string[]) => lines.map((l) => " ".repeat(n) + l);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    "<!DOCTYPE fcpxml>",
    `<fcpxml version="${FCPXML_VERSION}">`,
    "    <resources>",
    ...indent(8, res.lines),
    "    </resources>",
    "    <library>",
    `        <event${attrs([["name", cut.title]])}>`,
    `            <project${attrs([["name", cut.title]])}>`,
    `                <sequence${attrs([["format", "r1"], ["duration", framesToRationalSeconds(total, cut.fps)], ["tcStart", "0s"], ["tcFormat", "NDF"]])}>`,
    "                    <spine>",
    ...indent(24, spine(cut, segments, res)),
    "                    </spine>",
    "                </sequence>",
    "            </project>",
    "        </event>",
    "    </library>",
    "</fcpxml>",
    "",
  ].join("\n");
}
