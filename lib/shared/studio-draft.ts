import { z } from "zod";
import { MODES, UPLOAD_ID_PATTERN } from "./generation-schemas";
import type { UploadView } from "./upload-view";
import { userText } from "./user-text";
import { ASPECT_RATIOS, MOVEMENT_AMPLITUDES, PROMPT_MAX_CHARS, promptLength, STYLES } from "./upstream/video-models";

// The studio draft (PUT/GET /api/studio/draft): the form as the user left it in one workspace —
// the mode, each mode's prompt and parameters, the takes count and the chosen images (by upload id).
// Isomorphic: the form checks what it would send with the same schema the handler uses. A draft is
// work in progress, so prompts are not trimmed and may be empty; the limit is the clips' 512.

export const DRAFT_SLOTS = ["image", "start", "end"] as const;
export type DraftSlot = (typeof DRAFT_SLOTS)[number];

const prompt = userText(
  z.string().refine((p) => promptLength(p) <= PROMPT_MAX_CHARS, { error: "studio.error.promptTooLong" }),
  "lines",
);
const movementAmplitude = z.enum(MOVEMENT_AMPLITUDES, { error: "errors.field.invalid" });
const withAudio = z.boolean({ error: "errors.field.invalid" });
const imageMode = z.object({ prompt, movementAmplitude, withAudio }).strict();
const uploadRef = z.string({ error: "errors.field.invalid" }).regex(UPLOAD_ID_PATTERN, { error: "errors.field.invalid" }).nullable();

export const draftStateSchema = z
  .object({
    mode: z.enum(MODES, { error: "studio.error.modeInvalid" }),
    text: z
      .object({
        prompt,
        style: z.enum(STYLES, { error: "errors.field.invalid" }),
        aspectRatio: z.enum(ASPECT_RATIOS, { error: "errors.field.invalid" }),
        movementAmplitude,
      })
      .strict(),
    image: imageMode,
    "start-end": imageMode,
    takes: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(1, { error: "errors.field.invalid" }).max(4, { error: "errors.field.invalid" }),
    images: z.object({ image: uploadRef, start: uploadRef, end: uploadRef }).strict(),
  })
  .strict();
export type DraftState = z.output<typeof draftStateSchema>;

/** PUT body: the state and the version it was based on (0: no draft seen yet). */
export const saveDraftSchema = z
  .object({
    baseVersion: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(0, { error: "errors.field.invalid" }),
    state: draftStateSchema,
  })
  .strict();

/** JSON bodies of the draft routes: three prompts of at most 512 code points (4 bytes each, escaped) fit with room. */
export const DRAFT_MAX_BODY_BYTES = 16 * 1024;

/** A chosen image on restore: still usable here, or gone (collected, or no longer the actor's to use). */
export type DraftImage = { status: "ok"; upload: UploadView } | { status: "missing" };

/** GET /api/studio/draft: version 0 and state null when there never was a draft; state null after "Clear draft". */
export interface DraftView {
  version: number;
  savedAt: string | null;
  state: DraftState | null;
  images: Partial<Record<DraftSlot, DraftImage>>;
}

/** PUT/DELETE answer. */
export interface DraftSaved {
  version: number;
  savedAt: string;
}

/** How many distinct recent prompts the history offers. */
export const PROMPT_HISTORY_SIZE = 20;

/** GET /api/studio/prompts: the actor's last distinct prompts in the workspace, newest first. */
export interface PromptHistoryView {
  prompts: { prompt: string; usedAt: string }[];
}
