import type { z } from "zod";
import { DEFAULT_IMAGE_SIZE, IMAGE_MODELS, IMAGE_PROMPT_MAX_CHARS, parseImageSize, type ImageQuality, type ImageSize } from "@/lib/shared/upstream/image-models";
import { IMAGE_INPUT_FIELDS, lenientImageRequestSchema, lenientSpeechRequestSchema } from "@/lib/shared/upstream/media-request-schemas";
import { DEFAULT_SPEECH_FORMAT, DEFAULT_SPEECH_VOICE, SPEECH_INPUT_MAX_CHARS, SPEECH_MODELS, inputLength, type SpeechFormat, type SpeechVoice } from "@/lib/shared/upstream/speech-models";
import { checkModel, codeForIssue, isRecord, withoutNulls } from "./request-fields";

// Image and speech bodies → a validated request or the business code docs/upstream.md gives for the
// mistake: unparseable 1210, unknown model 1211, missing 1213, bad value 1214, an image prompt over
// the (assumed) limit 1261, a speech input over 1024 characters 1214 (assumed), an input image sent
// to the text-only image model 1214.

export type Checked<T> = { ok: true; value: T } | { ok: false; code: string; vars?: Record<string, string> };

export interface ValidImageRequest {
  model: string;
  prompt: string;
  quality: ImageQuality;
  size: ImageSize;
}

export interface ValidSpeechRequest {
  model: string;
  input: string;
  voice: SpeechVoice;
  speed: number;
  volume: number;
  format: SpeechFormat;
}

interface BodyRules {
  models: readonly string[];
  /** The one required text field and the code for it over `max` code points. */
  text: { field: string; max: number; tooLongCode: string };
  /** Fields the endpoint refuses outright (1214) instead of ignoring. */
  refused?: readonly string[];
}

function parseBody<S extends z.ZodType>(raw: unknown, schema: S, rules: BodyRules): Checked<z.output<S>> {
  if (!isRecord(raw)) return { ok: false, code: "1210" };
  const body = withoutNulls(raw);
  const model = checkModel(body, rules.models);
  if (!model.ok) return model;
  const refused = rules.refused?.find((f) => f in body);
  if (refused) return { ok: false, code: "1214", vars: { field: refused } };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const { field, max, tooLongCode } = rules.text;
  return {
    ok: false,
    ...codeForIssue(parsed.error, body, {
      textFields: [field],
      tooLong: (f, value) => (f === field && inputLength(value) > max ? tooLongCode : undefined),
    }),
  };
}

export function validateImageRequest(raw: unknown): Checked<ValidImageRequest> {
  const parsed = parseBody(raw, lenientImageRequestSchema, {
    models: IMAGE_MODELS,
    text: { field: "prompt", max: IMAGE_PROMPT_MAX_CHARS, tooLongCode: "1261" },
    refused: IMAGE_INPUT_FIELDS,
  });
  if (!parsed.ok) return parsed;
  const r = parsed.value;
  const size = parseImageSize(r.size ?? DEFAULT_IMAGE_SIZE);
  if (!size) return { ok: false, code: "1214", vars: { field: "size" } };
  return { ok: true, value: { model: r.model, prompt: r.prompt, quality: r.quality ?? "standard", size } };
}

export function validateSpeechRequest(raw: unknown): Checked<ValidSpeechRequest> {
  const parsed = parseBody(raw, lenientSpeechRequestSchema, {
    models: SPEECH_MODELS,
    text: { field: "input", max: SPEECH_INPUT_MAX_CHARS, tooLongCode: "1214" },
  });
  if (!parsed.ok) return parsed;
  const r = parsed.value;
  return {
    ok: true,
    value: {
      model: r.model,
      input: r.input,
      voice: r.voice ?? DEFAULT_SPEECH_VOICE,
      speed: r.speed ?? 1,
      volume: r.volume ?? 1,
      format: r.response_format ?? DEFAULT_SPEECH_FORMAT,
    },
  };
}
