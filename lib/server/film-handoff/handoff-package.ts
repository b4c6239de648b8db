import "server-only";
import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { type Cut, filmFrames, validateCut } from "@/lib/shared/film/cut";
import { cutToEdl } from "@/lib/shared/film/edl";
import { cutToFcpxml } from "@/lib/shared/film/fcpxml";
import { PACKAGE_AUDIO_DIR, PACKAGE_MEDIA_DIR } from "@/lib/shared/film/media-url";
import { cutToOtio } from "@/lib/shared/film/otio";
import { cutToSrt } from "@/lib/shared/film/srt";
import { AppError } from "../errors";
import { logger } from "../logger";
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
// Streaming is the gallery export's: archiver pulls one entry at a time and the response body pulls
// from archiver; a take's stream is opened only after the previous entry is written, so memory stays at
// a few buffers and a remote store holds one connection. Text entries are deflated, takes STOREd
// (already compressed). An error after the first byte aborts the stream: the client sees a cut download.

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
  const archive = new ZipArchive({ zlib: { level: 6 } });
  archive.on("warning", (err) => logger.warn("film hand-off zip warning", { err }));
  let current: Readable | null = null;
  let settle: ((err?: Error) => void) | null = null;
  archive.on("entry", () => settle?.());
  archive.on("error", (err) => settle?.(err));
  // The client went away (or an error destroyed the archive): stop reading the open take.
  archive.on("close", () => {
    current?.destroy();
    settle?.(new Error("zip stream closed"));
  });
  const written = () =>
    new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
    });
  void (async () => {
    for (const t of plan.texts) {
      const done = written();
      archive.append(Buffer.from(t.content, "utf8"), { name: t.name, date });
      await done;
    }
    for (const m of plan.media) {
      if (archive.destroyed) return;
      current = await openMedia(m.mediaName);
      const done = written();
      archive.append(current, { name: m.name, date, store: true });
      await done;
    }
    settle = null;
    await archive.finalize();
  })().catch((err: unknown) => {
    if (archive.destroyed) return;
    logger.error("film hand-off zip failed", { err });
    archive.destroy(err instanceof Error ? err : new Error("film hand-off zip failed"));
  });
  return archive;
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
