import { DEFAULT_IMAGE_SIZE, IMAGE_MODELS, IMAGE_PROMPT_MAX_CHARS, parseImageSize, type ImageQuality, type ImageSize } from "@/lib/shared/upstream/image-models";
import { IMAGE_INPUT_FIELDS, lenientImageRequestSchema, lenientSpeechRequestSchema } from "@/lib/shared/upstream/media-request-schemas";
import { DEFAULT_SPEECH_FORMAT, DEFAULT_SPEECH_VOICE, SPEECH_INPUT_MAX_CHARS, SPEECH_MODELS, inputLength, type SpeechFormat, type SpeechVoice } from "@/lib/shared/upstream/speech-models";
import { checkModel, codeForIssue, isRecord, withoutNulls } from "./request-fields";

// Image and speech bodies → a validated request or the business code docs/upstream.md gives for the
// mistake: unparseable 1210, unknown model 1211, missing 1213, bad value 1214, an image prompt over
// the (assumed) limit 1261, a speech input over 1024 characters 1214 (assumed), an input image sent
// to the text-only image model 1214.

type Checked<T> = { ok: true; value: T } | { ok: false; code: string; vars?: Record<string, string> };

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

export function validateImageRequest(raw: unknown): Checked<ValidImageRequest> {
  if (!isRecord(raw)) return { ok: false, code: "1210" };
  const body = withoutNulls(raw);
  const model = checkModel(body, IMAGE_MODELS);
  if (!model.ok) return model;
  const imageField = IMAGE_INPUT_FIELDS.find((f) => f in body);
  if (imageField) return { ok: false, code: "1214", vars: { field: imageField } };
  const parsed = lenientImageRequestSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      ...codeForIssue(parsed.error, body, {
        textFields: ["prompt"],
        tooLong: (field, value) => (field === "prompt" && inputLength(value) > IMAGE_PROMPT_MAX_CHARS ? "1261" : undefined),
      }),
    };
  }
  const r = parsed.data;
  const size = parseImageSize(r.size ?? DEFAULT_IMAGE_SIZE);
  if (!size) return { ok: false, code: "1214", vars: { field: "size" } };
  return { ok: true, value: { model: r.model, prompt: r.prompt, quality: r.quality ?? "standard", size } };
}

export function validateSpeechRequest(raw: unknown): Checked<ValidSpeechRequest> {
  if (!isRecord(raw)) return { ok: false, code: "1210" };
  const body = withoutNulls(raw);
  const model = checkModel(body, SPEECH_MODELS);
  if (!model.ok) return model;
  const parsed = lenientSpeechRequestSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      ...codeForIssue(parsed.error, body, {
        textFields: ["input"],
        tooLong: (field, value) => (field === "input" && inputLength(value) > SPEECH_INPUT_MAX_CHARS ? "1214" : undefined),
      }),
    };
  }
  const r = parsed.data;
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
