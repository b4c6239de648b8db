import type { FailureReason, GenerationStatus } from "./generation-lifecycle";
import type { ParamsView } from "./generation-params";
import type { Mode } from "./generation-schemas";

// The JSON shape of one clip in every API answer (GET /api/generations/:id, the SSE stream,
// the recent-clips list, and later the gallery). Times are ISO strings; media URLs point at
// GET /api/media/... (our own storage), never at the upstream.
export interface GenerationView {
  id: string;
  mode: Mode;
  model: string;
  prompt: string;
  params: ParamsView;
  status: GenerationStatus;
  /** Why it ended without a video (a closed set, lib/shared/generation-lifecycle.ts); null otherwise. */
  errorCode: FailureReason | null;
  /** Human-readable reason in both languages. */
  errorMessage: { en: string; "zh-CN": string } | null;
  costFen: number;
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  successSeenAt: string | null;
  downloadedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  /** Expected total generation time for this model (learned from recent clips), ms. */
  expectedMs: number;
  /** 0..1 estimate for the progress bar; 1 when STORED. */
  progress: number;
  inputs: { position: number; uploadId: string; url: string; width: number; height: number }[];
  media: {
    video?: { url: string; downloadUrl: string; bytes: number; width: number | null; height: number | null; durationMs: number | null };
    cover?: { url: string };
    poster?: { url: string };
    preview?: { url: string };
  };
  upstream: { requestId: string; taskId: string | null };
  /**
   * The takes of one several-takes submit share it (null for a single take): the studio shows them as
   * one group, the gallery detail lists the siblings (GET /api/generations?takeGroup=<id>).
   */
  takeGroupId: string | null;
  /**
   * STORED takes only: the poster and hover preview are made after the take is playable (the
   * clip-derivatives job). "pending" while they are being made (show a placeholder; the live stream
   * sends the take again when they arrive), "failed" when they will not come without a retry.
   */
  derivatives?: DerivativesState;
  /** Gallery fields (GET /api/generations, GET/PATCH /api/generations/:id); absent on SSE events. */
  favourite?: boolean;
  /** The actor's tag names on this clip, sorted. */
  tags?: string[];
  /** Who made the clip (display name, else the part of the email before "@"). */
  creator?: { id: string; name: string };
  /** The team the clip belongs to (null = personal). */
  teamId?: string | null;
  /** What the actor may do with this clip (from the role table; the server checks again on every call). */
  rights?: ClipRights;
}

export type DerivativesState = "pending" | "ready" | "failed";

export interface ClipRights {
  download: boolean;
  annotate: boolean;
  share: boolean;
  delete: boolean;
  retry: boolean;
  cancel: boolean;
  /** Move this personal clip into one of the actor's teams. */
  move: boolean;
}

/** One page of GET /api/generations (recent clips and the gallery): newest first by default. */
export interface GenerationPage {
  items: GenerationView[];
  nextCursor: string | null;
}
