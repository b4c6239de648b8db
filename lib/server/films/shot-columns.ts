import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { FrameSource } from "@/lib/shared/film/film-schemas";
import type { TransitionKind } from "@/lib/shared/film/cut";
import type { ShotView } from "@/lib/shared/film/film-views";
import { DB_MODE_OF, MODE_OF_DB } from "@/lib/shared/generation-mode";

// A shot's frame sources and transition are typed columns in the database and small objects in the
// API: these two directions are the only translation between them.

type Kind = "UPLOAD" | "STILL" | "REFERENCE" | "PREVIOUS";
type Transition = "CUT" | "CROSSFADE" | "FADE_BLACK";

export interface ShotRow {
  id: string;
  filmId: string;
  position: number;
  sceneHeading: string | null;
  prompt: string;
  mode: keyof typeof MODE_OF_DB;
  startKind: Kind | null;
  startUploadId: string | null;
  startReferenceId: string | null;
  endKind: Kind | null;
  endUploadId: string | null;
  endReferenceId: string | null;
  caption: string | null;
  trimIn: number;
  trimOut: number | null;
  transition: Transition;
  transitionFrames: number;
  chosenTakeId: string | null;
  reviewState: "NONE" | "APPROVED" | "SENT_BACK";
  reviewedTakeId: string | null;
  reviewReason: string | null;
  speaker: string | null;
  voiceCallId: string | null;
}

const TRANSITION_OF_DB: Record<Transition, TransitionKind> = { CUT: "cut", CROSSFADE: "crossfade", FADE_BLACK: "fade_black" };
const DB_TRANSITION: Record<TransitionKind, Transition> = { cut: "CUT", crossfade: "CROSSFADE", fade_black: "FADE_BLACK" };

function sourceOf(kind: Kind | null, uploadId: string | null, referenceId: string | null): FrameSource | null {
  if (kind === "UPLOAD" && uploadId) return { kind: "upload", uploadId };
  if (kind === "STILL" && uploadId) return { kind: "still", uploadId };
  if (kind === "REFERENCE" && referenceId) return { kind: "reference", referenceId };
  if (kind === "PREVIOUS") return { kind: "previous" };
  return null;
}

function columnsOf(s: FrameSource | null): { kind: Kind | null; uploadId: string | null; referenceId: string | null } {
  if (!s) return { kind: null, uploadId: null, referenceId: null };
  if (s.kind === "upload") return { kind: "UPLOAD", uploadId: s.uploadId, referenceId: null };
  if (s.kind === "still") return { kind: "STILL", uploadId: s.uploadId, referenceId: null };
  if (s.kind === "reference") return { kind: "REFERENCE", uploadId: null, referenceId: s.referenceId };
  return { kind: "PREVIOUS", uploadId: null, referenceId: null };
}

/** A shot's own fields as the API shows them (ShotView), without what is derived from its takes. */
export type ShotFields = Pick<ShotView, "sceneHeading" | "prompt" | "mode" | "start" | "end" | "caption" | "trimIn" | "trimOut" | "transition">;

export function fieldsOfRow(r: ShotRow): ShotFields {
  return {
    sceneHeading: r.sceneHeading,
    prompt: r.prompt,
    mode: MODE_OF_DB[r.mode],
    start: sourceOf(r.startKind, r.startUploadId, r.startReferenceId),
    end: sourceOf(r.endKind, r.endUploadId, r.endReferenceId),
    caption: r.caption,
    trimIn: r.trimIn,
    trimOut: r.trimOut,
    transition: { kind: TRANSITION_OF_DB[r.transition], frames: r.transitionFrames },
  };
}

export function columnsOfFields(f: ShotFields): Omit<Prisma.ShotUncheckedCreateInput, "filmId" | "position"> {
  const start = columnsOf(f.start);
  const end = columnsOf(f.end);
  return {
    sceneHeading: f.sceneHeading,
    prompt: f.prompt,
    mode: DB_MODE_OF[f.mode],
    startKind: start.kind,
    startUploadId: start.uploadId,
    startReferenceId: start.referenceId,
    endKind: end.kind,
    endUploadId: end.uploadId,
    endReferenceId: end.referenceId,
    caption: f.caption,
    trimIn: f.trimIn,
    trimOut: f.trimOut,
    transition: DB_TRANSITION[f.transition.kind],
    transitionFrames: f.transition.frames,
  };
}

/** Does the shot start from the previous shot's last frame? */
export function isChained(r: Pick<ShotRow, "startKind">): boolean {
  return r.startKind === "PREVIOUS";
}
