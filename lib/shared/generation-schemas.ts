import { z } from "zod";
import {
  ASPECT_RATIOS,
  MOVEMENT_AMPLITUDES,
  PROMPT_MAX_CHARS,
  promptLength,
  STYLES,
  type VideoModel,
} from "./upstream/video-models";
import { userText } from "./user-text";

// What the studio sends to POST /api/generations (isomorphic: the form validates with the same
// schema the route handler uses). Messages are i18n keys (errors.field.* / studio.error.*).
export const MODES = ["text", "image", "start-end"] as const;
export type Mode = (typeof MODES)[number];

export const MODEL_OF_MODE: Record<Mode, VideoModel> = {
  text: "viduq1-text",
  image: "viduq1-image",
  "start-end": "viduq1-start-end",
};

/** Studio upload limits (stricter than upstream's 50 MB: images travel as base64 in the JSON body). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_MIMES = ["image/png", "image/jpeg", "image/webp"] as const;

const prompt = userText(
  z
    .string()
    .trim()
    .refine((p) => promptLength(p) <= PROMPT_MAX_CHARS, { error: "studio.error.promptTooLong" }),
  "lines",
);
const movementAmplitude = z.enum(MOVEMENT_AMPLITUDES, { error: "errors.field.invalid" }).default("auto");
/** Our upload ids (lib/server/uploads/create-upload.ts: 32 hex chars; older rows cuid). */
export const UPLOAD_ID_PATTERN = /^[a-z0-9]{20,40}$/;
const uploadId = z.string({ error: "studio.error.imageRequired" }).regex(UPLOAD_ID_PATTERN, { error: "studio.error.imageRequired" });

const textGenerationSchema = z.object({
  mode: z.literal("text"),
  prompt: prompt.refine((p) => p.length > 0, { error: "studio.error.promptRequired" }),
  style: z.enum(STYLES, { error: "errors.field.invalid" }).default("general"),
  aspectRatio: z.enum(ASPECT_RATIOS, { error: "errors.field.invalid" }).default("16:9"),
  movementAmplitude,
});

const imageGenerationSchema = z.object({
  mode: z.literal("image"),
  prompt: prompt.default(""),
  uploadId,
  movementAmplitude,
  withAudio: z.boolean().default(false),
});

const startEndGenerationSchema = z.object({
  mode: z.literal("start-end"),
  prompt: prompt.default(""),
  uploadIds: z.tuple([uploadId, uploadId], { error: "studio.error.twoImagesRequired" }),
  movementAmplitude,
  withAudio: z.boolean().default(false),
});

export const createGenerationSchema = z.discriminatedUnion("mode", [textGenerationSchema, imageGenerationSchema, startEndGenerationSchema], {
  error: "studio.error.modeInvalid",
});
export type CreateGenerationInput = z.infer<typeof createGenerationSchema>;

/** Image geometry rules shared by the browser (before upload) and the server (after decoding). */
const IMAGE_ASPECT_LIMITS = { min: 1 / 4, max: 4 } as const;
const START_END_AREA_RATIO = { min: 0.8, max: 1.25 } as const;

export function aspectOk(width: number, height: number): boolean {
  if (width <= 0 || height <= 0) return false;
  const r = width / height;
  return r >= IMAGE_ASPECT_LIMITS.min && r <= IMAGE_ASPECT_LIMITS.max;
}

/** First/last frame "resolution ratio" (pixel areas) within 0.8–1.25. */
export function startEndRatioOk(a: { width: number; height: number }, b: { width: number; height: number }): boolean {
  const r = (a.width * a.height) / (b.width * b.height);
  return r >= START_END_AREA_RATIO.min && r <= START_END_AREA_RATIO.max;
}

/**
 * The same submission (workspace, mode, prompt, parameters, images) sent again with a new
 * Idempotency-Key within this window asks first: the server answers 409 repeat_submission unless the
 * body says `confirmRepeat: true` (lib/server/generations/repeat-guard.ts); the studio asks before sending.
 */
export const REPEAT_WINDOW_MS = 10_000;

/** What POST /api/generations accepts: a generation plus how the submit is meant. */
export const submitGenerationSchema = createGenerationSchema.and(
  z.object({
    confirmRepeat: z.boolean({ error: "errors.field.invalid" }).optional(),
    /** Several takes of the same submission (1–4), each its own clip, hold and job. */
    takes: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(1, { error: "errors.field.invalid" }).max(4, { error: "errors.field.invalid" }).default(1),
  }),
);
