import { z } from "zod";
import type { CreateGenerationInput, Mode } from "./generation-schemas";
import { ASPECT_RATIOS, MOVEMENT_AMPLITUDES, STYLES } from "./upstream/video-models";

// The `params` JSON stored on a take: one schema and one parser for everyone who writes or reads it
// (create, retry, the upstream request, the views). The mode is a column of its own; the params hold
// what the mode adds: text { style, aspectRatio, movementAmplitude }, image and start–end
// { movementAmplitude, withAudio }. A row written before a field existed reads with its default.

const textParamsSchema = z.object({
  style: z.enum(STYLES).catch("general"),
  aspectRatio: z.enum(ASPECT_RATIOS).catch("16:9"),
  movementAmplitude: z.enum(MOVEMENT_AMPLITUDES).catch("auto"),
});
const mediaParamsSchema = z.object({
  movementAmplitude: z.enum(MOVEMENT_AMPLITUDES).catch("auto"),
  withAudio: z.boolean().catch(false),
});

export type TextParams = z.infer<typeof textParamsSchema>;
export type MediaParams = z.infer<typeof mediaParamsSchema>;
export type GenerationParams = TextParams | MediaParams;
/** The params as views carry them: every mode's fields, those of other modes absent. */
export type ParamsView = Pick<TextParams, "movementAmplitude"> & Partial<Omit<TextParams, "movementAmplitude">> & Partial<MediaParams>;

/** The stored params of a take of `mode` (lenient: unknown or missing fields take their defaults). */
export function parseGenerationParams(mode: "text", raw: unknown): TextParams;
export function parseGenerationParams(mode: Exclude<Mode, "text">, raw: unknown): MediaParams;
export function parseGenerationParams(mode: Mode, raw: unknown): GenerationParams;
export function parseGenerationParams(mode: Mode, raw: unknown): GenerationParams {
  const value = raw !== null && typeof raw === "object" ? raw : {};
  return mode === "text" ? textParamsSchema.parse(value) : mediaParamsSchema.parse(value);
}

/** What a validated submit stores as params. */
export function paramsOfInput(input: CreateGenerationInput): GenerationParams {
  if (input.mode === "text") return { style: input.style, aspectRatio: input.aspectRatio, movementAmplitude: input.movementAmplitude };
  return { movementAmplitude: input.movementAmplitude, withAudio: input.withAudio };
}
