import "server-only";
import type { Readable } from "node:stream";
import { type Cut, filmFrames, validateCut } from "@/lib/shared/film/cut";
import { cutToEdl } from "@/lib/shared/film/edl";
import { cutToFcpxml } from "@/lib/shared/film/fcpxml";
import { PACKAGE_AUDIO_DIR, PACKAGE_MEDIA_DIR } from "@/lib/shared/film/media-url";
import { cutToOtio } from "@/lib/shared/film/otio";
import { cutToSrt } from "@/lib/shared/film/srt";
import { AppError } from "../errors";
import { streamZip } from "../media/stream-zip";
import { webBody } from "../media/web-body";
import { contentDisposition } from "../media/serve-range";
import { packageMediaNames, packageVoiceName, safeFileName } from "./file-names";
import { handoffReadme, type LeftOutVoice } from "./readme-text";

// The hand-off package of a film: one zip an editor unzips and opens in Resolve, Final Cut or Premiere.
//   media/<take>        every chosen take, once, untouched
//   audio/NN-<speaker>.wav  every current voice-over, untouched, on the timelines' audio tracks
//   <title>.otio        OpenTimelineIO timeline      <title>.fcpxml  Final Cut Pro XML timeline
//   <title>.edl         CMX 3600 EDL                 <title>.srt     captions timed to the cut
//   README.txt          how to import
// The timeline files are written from a copy of the cut whose media names are the package's safe,
// unique names, so every relative path in them resolves to an entry of this zip. A voice line whose WAV
// is missing or was spoken from an older caption (stale) is left out of the files and the timelines and
// named in the README, so the editor knows which lines to record again.
//
// Streamed as the gallery export is (media/stream-zip.ts): a take's stream is opened only after the
// previous entry is written; text entries deflated, takes and WAVs STOREd; an error after the first byte
// aborts the stream, so the client sees a cut download.

/** Opens the bytes of one take or voice-over WAV, by the cut's mediaName (a clip's or its voice's). */
export type OpenMedia = (mediaName: string) => Promise<Readable>;

/** A shot's voice line as the package treats it; shots without one are not listed. */
export interface HandoffVoiceLine {
  shotId: string;
  speaker: string | null;
  /** Why its WAV stays out of the package; null when it goes in (the clip then carries `voice`). */
  leftOut: LeftOutVoice["reason"] | null;
}

interface HandoffPlan {
  fileName: string;
  texts: { name: string; content: string }[];
  media: { name: string; mediaName: string }[];
}

function cutProblems(cut: Cut): AppError | null {
  const problems = validateCut(cut);
  if (problems.length === 0) return null;
  return new AppError("validation_failed", {
    fields: problems.map((p) => ({ path: p.code === "empty" ? "clips" : `clips.${p.shotId}`, key: "errors.field.invalid" as const })),
  });
}

/**
 * What goes into the package, in order; throws validation_failed for a cut that cannot be played.
 * `voices` says which voice lines go in: a clip's voice is packaged unless its line is left out.
 */
export function planHandoff(cut: Cut, voices: readonly HandoffVoiceLine[] = []): HandoffPlan {
  const problem = cutProblems(cut);
  if (problem) throw problem;
  const names = packageMediaNames(cut.clips.map((c) => c.mediaName));
  const lineOf = new Map(voices.map((v) => [v.shotId, v]));
  const audio: { name: string; mediaName: string }[] = [];
  const packaged: Cut = {
    ...cut,
    clips: cut.clips.map((c, i) => {
      const line = lineOf.get(c.shotId);
      if (!c.voice || line?.leftOut) return { ...c, mediaName: names.get(c.mediaName)!, voice: null };
      const name = packageVoiceName(i + 1, cut.clips.length, line?.speaker ?? null);
      audio.push({ name: `${PACKAGE_AUDIO_DIR}/${name}`, mediaName: c.voice.mediaName });
      return { ...c, mediaName: names.get(c.mediaName)!, voice: { ...c.voice, mediaName: name } };
    }),
  };
  const leftOut = cut.clips.flatMap((c, i) => {
    const reason = lineOf.get(c.shotId)?.leftOut;
    return reason ? [{ shot: i + 1, speaker: lineOf.get(c.shotId)!.speaker, reason }] : [];
  });
  const base = safeFileName(cut.title, "film");
  const files = { otio: `${base}.otio`, fcpxml: `${base}.fcpxml`, edl: `${base}.edl`, srt: `${base}.srt` };
  const seconds = (filmFrames(cut) / cut.fps).toFixed(2);
  return {
    fileName: `${base}.zip`,
    texts: [
      { name: "README.txt", content: handoffReadme(cut.title, files, cut.clips.length, seconds, { files: audio.map((a) => a.name), leftOut }) },
      { name: files.otio, content: cutToOtio(packaged) },
      { name: files.fcpxml, content: cutToFcpxml(packaged) },
      { name: files.edl, content: cutToEdl(packaged) },
      { name: files.srt, content: cutToSrt(packaged) },
    ],
    media: [...[...names].map(([mediaName, name]) => ({ name: `${PACKAGE_MEDIA_DIR}/${name}`, mediaName })), ...audio],
  };
}

function zipStream(plan: HandoffPlan, openMedia: OpenMedia, date: Date): Readable {
  return streamZip(
    plan.texts.map((t) => ({ ...t, date })),
    plan.media.map((m) => ({ name: m.name, date, open: () => openMedia(m.mediaName) })),
    "film hand-off zip",
  );
}

/** The package as a download: validated first (a bad cut is a 422 before any byte), then streamed. */
export function handoffResponse(cut: Cut, openMedia: OpenMedia, voices: readonly HandoffVoiceLine[] = [], now = new Date()): Response {
  const plan = planHandoff(cut, voices);
  return new Response(webBody(zipStream(plan, openMedia, now)), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": contentDisposition(plan.fileName),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
