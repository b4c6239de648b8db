import { z } from "zod";
import { IMAGE_PROMPT_MAX_CHARS, IMAGE_QUALITIES, parseImageSize } from "../upstream/image-models";
import { inputLength } from "../upstream/speech-models";
import { userText } from "../user-text";

// A shot's stills (POST/GET /api/shots/:shotId/stills, POST …/stills/:stillId/use): what the shot
// panel sends and what it renders. Isomorphic; messages are i18n keys. A batch is 1–4 images, each
// one CogView call at the size nearest the film's aspect (still-size.ts).

const MAX_STILLS_AT_ONCE = 4;

export const makeStillsSchema = z.strictObject({
  count: z.number({ error: "errors.field.still_count" }).int({ error: "errors.field.still_count" }).min(1, { error: "errors.field.still_count" }).max(MAX_STILLS_AT_ONCE, { error: "errors.field.still_count" }),
  /** What to draw; the shot's prompt when absent. */
  prompt: userText(
    z
      .string()
      .trim()
      .refine((p) => inputLength(p) <= IMAGE_PROMPT_MAX_CHARS, { error: "errors.field.image_prompt_too_long" }),
    "lines",
  ).optional(),
});
export type MakeStillsInput = z.infer<typeof makeStillsSchema>;

export const useStillSchema = z.strictObject({
  /** Which frame of the shot the still becomes. */
  frame: z.enum(["start", "end"], { error: "errors.field.invalid" }),
});

/** What a STILL call stores as its request (the model is the call's own column). */
export const stillRequestSchema = z.object({
  prompt: z.string().min(1),
  size: z.string().refine((s) => parseImageSize(s) !== undefined),
  quality: z.enum(IMAGE_QUALITIES).optional(),
});
export type StillRequest = z.infer<typeof stillRequestSchema>;

export type StillState = "pending" | "storing" | "ready" | "failed";

export interface StillView {
  id: string;
  state: StillState;
  prompt: string;
  /** The re-hosted image (GET /api/uploads/:id), fitted to the film's frame; when ready. */
  uploadId: string | null;
  url: string | null;
  width: number | null;
  height: number | null;
  /** Held while pending; what it cost once answered (a refused call: 0). */
  costFen: number;
  /** Why it failed (a code the panel words in both languages). */
  errorCode: string | null;
  createdAt: string;
}

export interface StillsList {
  items: StillView[];
  /** Price of one still, for the button's estimate. */
  unitFen: number;
  /** The size asked of the platform for this film, e.g. "1344x768", and the frame it is fitted to. */
  size: string;
  frame: { width: number; height: number };
}

/** A ready still as the gallery's Stills view lists it: the image, and the film and shot it belongs to. */
export interface GalleryStillView {
  id: string;
  prompt: string;
  /** A signed, short-lived URL of the re-hosted image (fitted to the film's frame). */
  url: string;
  width: number;
  height: number;
  costFen: number;
  createdAt: string;
  film: { id: string; title: string };
  /** The shot's number in the film's order (1-based) and its scene heading. */
  shot: { id: string; number: number; sceneHeading: string | null };
  /** Which of the shot's frames the still is now (picked), if any. */
  usedAs: "start" | "end" | null;
}

export interface GalleryStillsPage {
  items: GalleryStillView[];
  nextCursor: string | null;
}
