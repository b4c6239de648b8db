import { z } from "zod";
import {
  ASPECT_RATIOS,
  IMAGE_DATA_URI_RE,
  MOVEMENT_AMPLITUDES,
  PROMPT_MAX_CHARS,
  REQUEST_ID_MAX,
  STYLES,
  USER_ID_MAX,
  USER_ID_MIN,
  promptLength,
} from "./video-models";

// Request bodies for POST /videos/generations, one schema per model (docs/upstream.md §2).
// Each model has a *shape*; the client sends through the strict form (a typo or a field the model's
// schema does not list is a bug on our side), the simulator parses with the stripping form because
// the live API's handling of unknown fields is UNVERIFIED and chat completions ignore them.

const prompt = z
  .string()
  .refine((s) => promptLength(s) <= PROMPT_MAX_CHARS, { message: `at most ${PROMPT_MAX_CHARS} characters` });

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "https:" && u.hostname.length > 0 && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** A public https URL or a base64 data URI with the documented content-type prefix. */
const imageUrlSchema = z
  .string()
  .min(1)
  .refine((s) => IMAGE_DATA_URI_RE.test(s) || isHttpsUrl(s), {
    message: "must be an https URL or data:image/<png|jpeg|jpg|webp>;base64,…",
  });

const common = {
  request_id: z.string().min(1).max(REQUEST_ID_MAX).optional(),
  user_id: z.string().min(USER_ID_MIN).max(USER_ID_MAX).optional(),
  duration: z.literal(5).optional(),
  size: z.literal("1920x1080").optional(),
  movement_amplitude: z.enum(MOVEMENT_AMPLITUDES).optional(),
};

const textRequestShape = {
  model: z.literal("viduq1-text"),
  prompt: prompt.refine((s) => s.trim().length > 0, { message: "required" }),
  style: z.enum(STYLES).optional(),
  aspect_ratio: z.enum(ASPECT_RATIOS).optional(),
  ...common,
};

const imageRequestShape = {
  model: z.literal("viduq1-image"),
  image_url: imageUrlSchema,
  prompt: prompt.optional(),
  with_audio: z.boolean().optional(),
  ...common,
};

const startEndRequestShape = {
  model: z.literal("viduq1-start-end"),
  // Schema says minItems 1 / maxItems 2 but the text says two images; we require the pair.
  image_url: z.tuple([imageUrlSchema, imageUrlSchema]),
  prompt: prompt.optional(),
  with_audio: z.boolean().optional(),
  ...common,
};

const textRequestSchema = z.strictObject(textRequestShape);
const imageRequestSchema = z.strictObject(imageRequestShape);
const startEndRequestSchema = z.strictObject(startEndRequestShape);

/** What the client accepts and sends: exactly the documented fields per model. */
export const videoCreateRequestSchema = z.discriminatedUnion("model", [
  textRequestSchema,
  imageRequestSchema,
  startEndRequestSchema,
]);

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * What the platform documents for image_url ("a URL or base64"; the schema draws `string<uri>`), read
 * the way the platform's own clients send it: http or https, and the OpenAI-style `{url}` object some
 * SDK helpers build. The client still sends only the strict form above.
 */
const lenientImageUrl = z
  .union([z.string(), z.looseObject({ url: z.string() }).transform((o) => o.url)])
  .refine((s) => IMAGE_DATA_URI_RE.test(s) || isHttpUrl(s), { message: "must be a URL or a base64 data URI" });

/** What the simulator accepts: the same rules, unknown fields dropped, image_url in every documented form. */
export const lenientRequestSchemas = {
  "viduq1-text": z.object(textRequestShape),
  "viduq1-image": z.object({ ...imageRequestShape, image_url: lenientImageUrl }),
  "viduq1-start-end": z.object({ ...startEndRequestShape, image_url: z.tuple([lenientImageUrl, lenientImageUrl]) }),
} as const;

export type VideoCreateRequest = z.infer<typeof videoCreateRequestSchema>;
