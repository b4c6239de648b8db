import type { ApiError } from "@/lib/client/api-error";
import { shapeMismatch, shapeMismatchKey } from "@/lib/shared/frame-shape";
import { startEndRatioOk, type Mode } from "@/lib/shared/generation-schemas";
import { type AspectRatio, type MovementAmplitude, PROMPT_MAX_CHARS, promptLength, type Style } from "@/lib/shared/upstream/video-models";
import type { MessageKey, Vars } from "@/lib/i18n/translate";
import type { SlotEntry, SlotKey } from "./use-image-slots";

export interface TextForm {
  prompt: string;
  style: Style;
  aspectRatio: AspectRatio;
  movementAmplitude: MovementAmplitude;
}
export interface ImageForm {
  prompt: string;
  movementAmplitude: MovementAmplitude;
  withAudio: boolean;
}
export interface FormState {
  text: TextForm;
  image: ImageForm;
  "start-end": ImageForm;
}

export const INITIAL_FORM: FormState = {
  text: { prompt: "", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
  image: { prompt: "", movementAmplitude: "auto", withAudio: false },
  "start-end": { prompt: "", movementAmplitude: "auto", withAudio: false },
};

/** Where an error is shown: next to a field, or above the Generate button. */
export type FieldKey = "prompt" | SlotKey | "form";

/** An error to show: a message key (translated at render, so a language switch re-translates) or a server error. */
export type FieldError = { key: MessageKey; vars?: Vars } | { api: ApiError };
export type FieldErrors = Partial<Record<FieldKey, FieldError>>;

export const SLOTS_OF_MODE: Record<Mode, SlotKey[]> = { text: [], image: ["image"], "start-end": ["start", "end"] };

/** Shape, then area ratio problem of a start/end pair, when both sizes are known (the server's rules). */
export function pairRatioError(start: SlotEntry | null, end: SlotEntry | null): FieldError | undefined {
  if (!start?.width || !start.height || !end?.width || !end.height) return undefined;
  const a = { width: start.width, height: start.height };
  const b = { width: end.width, height: end.height };
  const shapes = shapeMismatch(a, b);
  if (shapes) return { key: shapeMismatchKey(shapes) };
  if (startEndRatioOk(a, b)) return undefined;
  const ratio = (a.width * a.height) / (b.width * b.height);
  return { key: "studio.image.error.pairRatio", vars: { ratio: ratio.toFixed(2) } };
}

/** The browser's checks before anything is sent (the server repeats them). */
export function validateForm(mode: Mode, form: FormState, slots: Record<SlotKey, SlotEntry | null>): FieldErrors {
  const errors: FieldErrors = {};
  const prompt = form[mode].prompt.trim();
  const count = promptLength(prompt);
  if (count > PROMPT_MAX_CHARS) errors.prompt = { key: "studio.error.promptTooLongBy", vars: { count, max: PROMPT_MAX_CHARS } };
  else if (mode === "text" && !prompt) errors.prompt = { key: "studio.error.promptRequired" };
  if (mode === "image" && !slots.image) errors.image = { key: "studio.error.imageRequired" };
  if (mode === "start-end") {
    if (!slots.start) errors.start = { key: "studio.error.startRequired" };
    if (!slots.end) errors.end = { key: "studio.error.endRequired" };
    const pair = pairRatioError(slots.start, slots.end);
    if (pair) errors.end = pair;
  }
  return errors;
}

/** Maps a server field path (prompt, uploadId, uploadIds.1, ["uploadIds", 0]) to the field that shows it. */
export function fieldOfPath(mode: Mode, path: string): FieldKey {
  if (path === "prompt") return "prompt";
  if (path.startsWith("uploadIds")) return path.endsWith("1") ? "end" : "start";
  if (path.startsWith("uploadId")) return "image";
  if (path === "" && mode === "image") return "image";
  return "form";
}
