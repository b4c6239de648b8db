import { z } from "zod";
import { IMAGE_PROMPT_MAX_CHARS, IMAGE_QUALITIES, parseImageSize } from "./image-models";
import { SPEECH_FORMATS, SPEECH_INPUT_MAX_CHARS, SPEECH_SPEED_MAX, SPEECH_SPEED_MIN, SPEECH_VOICES, SPEECH_VOLUME_MAX, inputLength } from "./speech-models";
import { USER_ID_MAX, USER_ID_MIN } from "./video-models";

// Request bodies for POST /images/generations and POST /audio/speech (docs/upstream.md, "Images
// (CogView-4)" and "Speech (GLM-TTS)"). As for video: the client sends through the strict form, the
// simulator parses the same shape with unknown fields dropped. Messages are i18n keys, so a refusal
// before sending shows next to the field with its limit.

const userId = z.string().min(USER_ID_MIN).max(USER_ID_MAX).optional();

/** Required text of at most `max` code points; `tooLong` names the message with the limit. */
const limitedText = (max: number, tooLong: string) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, { message: "errors.field.required" })
    .refine((s) => inputLength(s) <= max, { message: tooLong });

const imageRequestShape = {
  model: z.string().min(1),
  prompt: limitedText(IMAGE_PROMPT_MAX_CHARS, "errors.field.image_prompt_too_long"),
  quality: z.enum(IMAGE_QUALITIES, { error: "errors.field.invalid" }).optional(),
  size: z
    .string()
    .refine((s) => parseImageSize(s) !== undefined, { message: "errors.field.image_size" })
    .optional(),
  user_id: userId,
  watermark_enabled: z.boolean().optional(),
};

const speechRequestShape = {
  model: z.string().min(1),
  input: limitedText(SPEECH_INPUT_MAX_CHARS, "errors.field.speech_input_too_long"),
  voice: z.enum(SPEECH_VOICES, { error: "errors.field.invalid" }).optional(),
  speed: z.number().min(SPEECH_SPEED_MIN, { error: "errors.field.speech_speed" }).max(SPEECH_SPEED_MAX, { error: "errors.field.speech_speed" }).optional(),
  volume: z.number().gt(0, { error: "errors.field.speech_volume" }).max(SPEECH_VOLUME_MAX, { error: "errors.field.speech_volume" }).optional(),
  response_format: z.enum(SPEECH_FORMATS, { error: "errors.field.invalid" }).optional(),
  // Streaming (Event Stream of base64 chunks) is documented; the studio never asks for it.
  stream: z.literal(false).optional(),
  watermark_enabled: z.boolean().optional(),
};

/** What the client sends: exactly the documented fields. */
export const imageRequestSchema = z.strictObject(imageRequestShape);
export const speechRequestSchema = z.strictObject(speechRequestShape);
export type ImageRequest = z.infer<typeof imageRequestSchema>;
export type SpeechRequest = z.infer<typeof speechRequestSchema>;

/** What the simulator accepts: the same rules, unknown fields dropped. */
export const lenientImageRequestSchema = z.object(imageRequestShape);
export const lenientSpeechRequestSchema = z.object(speechRequestShape);

/**
 * Fields that would carry an input image. CogView-4 is text-to-image only: the simulator refuses a
 * body with any of them (1214) instead of silently ignoring the picture the caller meant to send.
 */
export const IMAGE_INPUT_FIELDS = ["image", "image_url", "images", "reference_image"] as const;
