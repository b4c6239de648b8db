import "server-only";
import { type Cut, type CutClip, type CutProblem, FILM_FPS, type FilmAspect, validateCut } from "@/lib/shared/film/cut";
import { TAKE_FRAMES } from "@/lib/shared/film/film-schemas";
import { takeUsable } from "@/lib/shared/film/shot-lifecycle";
import { voiceFrames } from "@/lib/shared/film/voice";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Access } from "../permissions";
import { type FilmRow, loadFilm, shotsOf } from "./load-film";
import { fieldsOfRow } from "./shot-columns";
import { storedAudioOf, voiceCallsOf, voiceIsStale } from "./voice-view";

// The film's cut (lib/shared/film/cut.ts) from its shots' chosen takes, in order: what the export
// render and the hand-off files read. A shot without a chosen take that has its video makes the film
// uncuttable: refused with shot_no_usable_take naming those shots (numbers in the message, ids in
// the fields). Trims and transitions are checked by the cut model's own validateCut; its problems
// are returned with the cut so the caller decides (the render refuses them, the storyboard shows them).
// A shot whose voice-over is stored and current carries it (voice-NN.wav, its length in frames); a line longer
// than its clip is not a problem of the cut: the render cuts it at the clip's end (the storyboard and
// the export dialog flag it beforehand).

export interface FilmCut {
  cut: Cut;
  /** shotId → the take whose video is the clip. */
  takes: Record<string, string>;
  /** shotId → the storage key of its voice-over WAV, for the clips that have one. */
  voices: Record<string, string>;
  /** Every shot that has a voice line, whether its WAV is there and matches the caption (the hand-off lists them). */
  voiceLines: FilmVoiceLine[];
  problems: CutProblem[];
}

interface FilmVoiceLine {
  shotId: string;
  speaker: string | null;
  /** "ready": stored and spoken from the current caption; "stale": spoken from an older one; "missing": no stored WAV. */
  state: "ready" | "stale" | "missing";
}

const pad = (n: number) => String(n).padStart(2, "0");

function nameOf(n: number, heading: string | null, prompt: string): string {
  const label = (heading ?? prompt).trim().replace(/\s+/g, " ").slice(0, 60);
  return label ? `Shot ${n} — ${label}` : `Shot ${n}`;
}

export async function buildCut(client: Db, access: Access, filmId: string): Promise<FilmCut> {
  return cutOfFilm(client, await loadFilm(client, access, filmId, "view"));
}

/** The cut of a film the caller has already authorized (or a job working for someone who was). */
export async function cutOfFilm(client: Db, film: Pick<FilmRow, "id" | "title" | "aspect">): Promise<FilmCut> {
  const shots = await shotsOf(client, film.id);
  const chosenIds = shots.flatMap((s) => (s.chosenTakeId ? [s.chosenTakeId] : []));
  const takes = new Map(
    (await client.generation.findMany({ where: { id: { in: chosenIds } }, select: { id: true, shotId: true, status: true, deletedAt: true, durationMs: true } })).map((t) => [t.id, t]),
  );
  const usable = (id: string | null) => {
    const t = id ? takes.get(id) : undefined;
    return t && takeUsable({ status: t.status, deleted: t.deletedAt !== null }) ? t : null;
  };
  const missing = shots.map((s, i) => ({ s, n: i + 1 })).filter(({ s }) => !usable(s.chosenTakeId));
  if (missing.length) {
    throw new AppError("shot_no_usable_take", {
      vars: { shots: missing.map((m) => m.n).join(", ") },
      fields: missing.map((m) => ({ path: `shots.${m.s.id}`, key: "errors.field.shot_no_take" as const })),
    });
  }
  const calls = await voiceCallsOf(client, shots.map((s) => s.voiceCallId));
  const voices: Record<string, string> = {};
  const voiceLines: FilmVoiceLine[] = [];
  const clips: CutClip[] = shots.map((s, i) => {
    const take = usable(s.chosenTakeId)!;
    const call = s.voiceCallId ? calls.get(s.voiceCallId) : undefined;
    const stored = call ? storedAudioOf(call) : null;
    const stale = call !== undefined && stored !== null && voiceIsStale(s.caption, call);
    // A line spoken from an older caption would say what the captions no longer show: left out of the
    // export's mix as of the hand-off (the export panel names those shots beforehand).
    const audio = stale ? null : stored;
    if (audio) voices[s.id] = audio.storageKey;
    if (call) voiceLines.push({ shotId: s.id, speaker: s.speaker, state: !stored ? "missing" : stale ? "stale" : "ready" });
    const f = fieldsOfRow(s);
    const sourceFrames = take.durationMs ? Math.round((take.durationMs * FILM_FPS) / 1000) : TAKE_FRAMES;
    return {
      shotId: s.id,
      name: nameOf(i + 1, f.sceneHeading, f.prompt),
      mediaName: `shot-${pad(i + 1)}.mp4`,
      sourceFrames,
      inFrame: f.trimIn,
      outFrame: f.trimOut ?? sourceFrames,
      caption: f.caption,
      transitionOut: { kind: f.transition.kind, frames: f.transition.kind === "cut" ? 0 : f.transition.frames },
      ...(audio ? { voice: { mediaName: `voice-${pad(i + 1)}.wav`, frames: voiceFrames(audio.durationMs) } } : {}),
    };
  });
  const cut: Cut = { title: film.title, aspect: film.aspect as FilmAspect, fps: FILM_FPS, clips };
  return { cut, takes: Object.fromEntries(shots.map((s) => [s.id, s.chosenTakeId!])), voices, voiceLines, problems: validateCut(cut) };
}
