import type { GenerationStatus } from "../generation-lifecycle";
import type { Mode } from "../generation-schemas";
import type { FilmAspect, TransitionKind } from "./cut";
import type { FrameSource } from "./film-schemas";
import type { BlockReason, ReviewState, ShotStatus } from "./shot-lifecycle";
import type { VoiceCast, VoiceView } from "./voice";

// What /api/films, /api/shots, /api/references and /api/comments answer: plain JSON shapes the
// storyboard renders. Money in fen; times ISO strings.

export interface FilmSummary {
  id: string;
  title: string;
  aspect: FilmAspect;
  style: string;
  teamId: string | null;
  shotCount: number;
  updatedAt: string;
  /** In the list (GET /api/films): the shots whose chosen take is approved, of all shots. */
  approved?: { n: number; m: number };
}

export interface TakeSummary {
  id: string;
  status: GenerationStatus;
  errorCode: string | null;
  /** What the take costs: its price unless it ended without a video (then refunded: 0). */
  costFen: number;
  /** The take whose last frame it started from (a chained take). */
  sourceTakeId: string | null;
  createdAt: string;
}

export interface ShotView {
  id: string;
  position: number;
  sceneHeading: string | null;
  prompt: string;
  mode: Mode;
  start: FrameSource | null;
  end: FrameSource | null;
  caption: string | null;
  trimIn: number;
  trimOut: number | null;
  transition: { kind: TransitionKind; frames: number };
  chosenTakeId: string | null;
  status: ShotStatus;
  blockReason: BlockReason | null;
  review: { state: ReviewState; reason: string | null };
  takes: TakeSummary[];
  costFen: number;
  /** Who speaks the line (a name in the film's voiceCast), and its voice-over if one was made. */
  speaker: string | null;
  voice: VoiceView | null;
}

export interface FilmView extends FilmSummary {
  shots: ShotView[];
  /** Speaker → GLM-TTS voice (voice.ts). */
  voiceCast: VoiceCast;
  /** What speaking one line costs (held, then charged). */
  voicePriceFen: number;
  /** "n of m approved". */
  approved: { n: number; m: number };
  /** Spent on the film's takes so far. */
  costFen: number;
}

export interface ReferenceView {
  id: string;
  kind: "character" | "product";
  name: string;
  uploadId: string;
  imageUrl: string;
  teamId: string | null;
  createdAt: string;
}

export interface CommentView {
  id: string;
  filmId: string;
  takeId: string | null;
  exportId: string | null;
  timeMs: number;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  /** What the reader may do with it, decided on the server from their role: edit (the author), delete (the author, an admin/owner). */
  may: { edit: boolean; delete: boolean };
}

export interface TakesEstimate {
  count: number;
  unitFen: number;
  totalFen: number;
}
