import { z } from "zod";
import { TAKE_FRAMES } from "./film/film-schemas";
import { FILM_FPS } from "./film/cut";
import { PROMPT_MAX_CHARS, promptLength } from "./upstream/video-models";
import { userText } from "./user-text";

// Script → shot list (a film's storyboard, "From a script"): the pasted text, the draft the text
// model's answer becomes, and the edited draft the user saves and accepts into the film. Shared by
// the routes, the service, the answer parser and the UI (isomorphic: the dialog checks with the
// same schemas the handlers use). Messages are i18n keys.

/** Longest script accepted: refused before any call, with the limit. */
export const SCRIPT_MAX_CHARS = 20_000;
/** Most shots one draft holds (and one accept adds). */
export const DRAFT_MAX_SHOTS = 300;
/** A take is 5 s; a suggested duration is whole seconds within it. */
export const SHOT_MAX_SECONDS = TAKE_FRAMES / FILM_FPS;
export const SHOT_MIN_SECONDS = 1;
/** Captions and scene headings, as a film's shot holds them. */
export const LINE_MAX_CHARS = 200;
export const SCENE_MAX_CHARS = 120;
export const CHARACTERS_MAX = 12;
export const CHARACTER_MAX_CHARS = 80;

/**
 * How a draft shot is made: from its text; from an image (a still or a reference of the library,
 * picked later or matched by a character's name on accept); or chained from the previous shot's last frame.
 */
export const DRAFT_MODES = ["text", "image", "chain"] as const;
export type DraftMode = (typeof DRAFT_MODES)[number];

export interface DraftShot {
  scene: string | null;
  prompt: string;
  mode: DraftMode;
  characters: string[];
  line: string | null;
  seconds: number;
}

/** What the parser had to mend in the model's answer (shown above the draft, never silently). */
export type RepairKind = "truncated" | "shot_dropped" | "prompt_clamped" | "line_clamped" | "mode_defaulted" | "duration_clamped" | "too_many_shots";
export type RepairNote = { kind: RepairKind; count: number };

export const breakdownRequestSchema = z.strictObject({
  text: userText(
    z
      .string()
      .trim()
      .min(1, { error: "errors.field.script_empty" })
      .refine((t) => [...t].length <= SCRIPT_MAX_CHARS, { error: "errors.field.script_too_long" }),
    "lines",
  ),
});

/**
 * GET …/script/estimate?chars=N&parts=P: what a breakdown of N characters holds before it is sent, in
 * the P parts (calls) the dialog's split of the text gave (script-parts.ts; 1 when absent).
 */
export const breakdownEstimateQuerySchema = z
  .object({
    chars: z.coerce.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(1, { error: "errors.field.script_empty" }).max(SCRIPT_MAX_CHARS, { error: "errors.field.script_too_long" }),
    parts: z.coerce.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(1, { error: "errors.field.invalid" }).max(SCRIPT_MAX_CHARS, { error: "errors.field.invalid" }).default(1),
  })
  .refine((q) => q.parts <= q.chars, { error: "errors.field.invalid", path: ["parts"] });

const oneLine = (max: number) => userText(z.string().trim().min(1, { error: "errors.field.required" }).max(max, { error: "errors.field.too_long" }));

export const draftShotSchema = z.strictObject({
  scene: oneLine(SCENE_MAX_CHARS).nullable(),
  prompt: userText(
    z
      .string()
      .trim()
      .min(1, { error: "studio.error.promptRequired" })
      .refine((p) => promptLength(p) <= PROMPT_MAX_CHARS, { error: "studio.error.promptTooLong" }),
    "lines",
  ),
  mode: z.enum(DRAFT_MODES, { error: "studio.error.modeInvalid" }),
  characters: z.array(oneLine(CHARACTER_MAX_CHARS), { error: "errors.field.invalid" }).max(CHARACTERS_MAX, { error: "errors.field.invalid" }),
  line: oneLine(LINE_MAX_CHARS).nullable(),
  seconds: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(SHOT_MIN_SECONDS, { error: "errors.field.shot_seconds" }).max(SHOT_MAX_SECONDS, { error: "errors.field.shot_seconds" }),
});

const draftShotsSchema = z.array(draftShotSchema, { error: "errors.field.invalid" }).min(1, { error: "errors.field.draft_empty" }).max(DRAFT_MAX_SHOTS, { error: "errors.field.draft_too_many" });

/** PUT …/script/draft and POST …/script/accept: the edited shots and the draft version they were based on. */
export const saveBreakdownDraftSchema = z.strictObject({
  callId: z.string().min(1).max(64),
  version: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(1, { error: "errors.field.invalid" }),
  shots: draftShotsSchema,
});
export type SaveBreakdownDraft = z.infer<typeof saveBreakdownDraftSchema>;

/** A JSON body of up to 300 shots of ≤ 512-code-point prompts, escaped, fits with room. */
export const DRAFT_BODY_MAX_BYTES = 2 * 1024 * 1024;

/**
 * GET/POST …/script: the actor's breakdown for this film, made of `parts` calls (a long script is split,
 * script-parts.ts). pending while any part runs, with how many have answered; done with the draft (the
 * saved edits, else the parts' repaired answers merged in order) and what was repaired; version raises
 * on every save and retry. heldFen and costFen add up the parts.
 */
export type BreakdownView =
  | { status: "none" }
  | { status: "pending"; callId: string; heldFen: number; version: number; parts: number; answered: number }
  | { status: "done"; callId: string; heldFen: number; costFen: number; version: number; parts: number; answered: number; edited: boolean; shots: DraftShot[]; repairs: RepairNote[] };

/** What seconds of a take a draft shot keeps: trim out, in frames (null = the whole take). */
export function trimOutOf(seconds: number): number | null {
  const frames = Math.round(seconds * FILM_FPS);
  return frames >= TAKE_FRAMES ? null : frames;
}
