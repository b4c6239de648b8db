import { z } from "zod";
import { idSchema } from "../ids";
import { MODES } from "../generation-schemas";
import { PROMPT_MAX_CHARS, promptLength, STYLES } from "../upstream/video-models";
import { userText } from "../user-text";
import { FILM_ASPECTS, FILM_FPS, TRANSITION_KINDS } from "./cut";

// What the storyboard sends to /api/films, /api/shots, /api/references and /api/comments
// (isomorphic: a form validates with the same schemas the route handlers use). Messages are i18n keys.
// A shot's fields are checked one by one here; the rules that tie them together (a text shot has no
// frame, an image shot one, trims inside the take) are `shotProblems`, run on the merged shot so a
// PATCH is held to the same rules as a create.

/** A Vidu Q1 take is 5 s: the trims are frames of it at the film's rate. */
export const TAKE_FRAMES = 5 * FILM_FPS;
const MAX_TAKES_AT_ONCE = 4;
const COMMENT_MAX_MS = 24 * 60 * 60 * 1000;

const line = (max: number) => userText(z.string().trim().min(1, { error: "errors.field.required" }).max(max, { error: "errors.field.too_long" }));
const lines = (max: number) => userText(z.string().trim().min(1, { error: "errors.field.required" }).max(max, { error: "errors.field.too_long" }), "lines");
const uploadId = z.string({ error: "studio.error.imageRequired" }).regex(/^[a-z0-9]{20,40}$/, { error: "studio.error.imageRequired" });

const filmTitleSchema = line(120);

export const createFilmSchema = z.strictObject({
  title: filmTitleSchema,
  aspect: z.enum(FILM_ASPECTS, { error: "errors.field.invalid" }),
  style: z.enum(STYLES, { error: "errors.field.invalid" }).default("general"),
});

export const updateFilmSchema = z.strictObject({
  title: filmTitleSchema.optional(),
  aspect: z.enum(FILM_ASPECTS, { error: "errors.field.invalid" }).optional(),
  style: z.enum(STYLES, { error: "errors.field.invalid" }).optional(),
});

const shotPrompt = userText(
  z.string().trim().refine((p) => promptLength(p) <= PROMPT_MAX_CHARS, { error: "studio.error.promptTooLong" }),
  "lines",
);

/** Where a frame comes from; "previous" (the previous shot's exact last frame) only starts a shot. */
const frameSourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("upload"), uploadId }),
    z.strictObject({ kind: z.literal("still"), uploadId }),
    z.strictObject({ kind: z.literal("reference"), referenceId: idSchema }),
    z.strictObject({ kind: z.literal("previous") }),
  ],
  { error: "errors.field.frame_source" },
);
export type FrameSource = z.infer<typeof frameSourceSchema>;

const transitionSchema = z.strictObject({
  kind: z.enum(TRANSITION_KINDS, { error: "errors.field.invalid" }),
  frames: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(0, { error: "errors.field.invalid" }).max(TAKE_FRAMES / 2, { error: "errors.field.invalid" }),
});

const frameIndex = z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(0, { error: "errors.field.trim" }).max(TAKE_FRAMES, { error: "errors.field.trim" });

const shotFields = {
  sceneHeading: line(120).nullable(),
  prompt: shotPrompt,
  mode: z.enum(MODES, { error: "studio.error.modeInvalid" }),
  start: frameSourceSchema.nullable(),
  end: frameSourceSchema.nullable(),
  caption: line(200).nullable(),
  trimIn: frameIndex,
  trimOut: frameIndex.nullable(),
  transition: transitionSchema,
};

export const createShotSchema = z.strictObject({
  ...shotFields,
  prompt: shotFields.prompt.default(""),
  sceneHeading: shotFields.sceneHeading.default(null),
  start: shotFields.start.default(null),
  end: shotFields.end.default(null),
  caption: shotFields.caption.default(null),
  trimIn: shotFields.trimIn.default(0),
  trimOut: shotFields.trimOut.default(null),
  transition: transitionSchema.default({ kind: "cut", frames: 0 }),
  /** Insert before the shot at this index (0-based); the end when absent. */
  at: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(0, { error: "errors.field.invalid" }).max(10_000, { error: "errors.field.invalid" }).optional(),
});
export type CreateShotInput = z.infer<typeof createShotSchema>;

export const updateShotSchema = z.strictObject({
  sceneHeading: shotFields.sceneHeading.optional(),
  prompt: shotFields.prompt.optional(),
  mode: shotFields.mode.optional(),
  start: shotFields.start.optional(),
  end: shotFields.end.optional(),
  caption: shotFields.caption.optional(),
  trimIn: shotFields.trimIn.optional(),
  trimOut: shotFields.trimOut.optional(),
  transition: transitionSchema.optional(),
});
export type UpdateShotInput = z.infer<typeof updateShotSchema>;

/** The whole shot as the rules see it. */
export interface ShotShape {
  mode: (typeof MODES)[number];
  prompt: string;
  start: FrameSource | null;
  end: FrameSource | null;
  trimIn: number;
  trimOut: number | null;
  transition: { kind: (typeof TRANSITION_KINDS)[number]; frames: number };
}

/** Field issues of a whole shot: [path, message key]. Frames may still be missing while drafting. */
export function shotProblems(s: ShotShape): [string, "errors.field.frame_source" | "errors.field.trim" | "errors.field.transition" | "studio.error.promptRequired"][] {
  const out: ReturnType<typeof shotProblems> = [];
  if (s.mode === "text" && s.start) out.push(["start", "errors.field.frame_source"]);
  if (s.mode !== "start-end" && s.end) out.push(["end", "errors.field.frame_source"]);
  if (s.end?.kind === "previous") out.push(["end", "errors.field.frame_source"]);
  const out_ = s.trimOut ?? TAKE_FRAMES;
  if (s.trimIn >= out_) out.push(["trimOut", "errors.field.trim"]);
  if ((s.transition.kind === "cut") !== (s.transition.frames === 0)) out.push(["transition.frames", "errors.field.transition"]);
  return out;
}

export const reorderShotsSchema = z.strictObject({
  /** Every shot id of the film, once, in the new order. */
  order: z.array(idSchema, { error: "errors.field.invalid" }).min(1, { error: "errors.field.invalid" }).max(10_000, { error: "errors.field.invalid" }),
  /** Let chained shots start from whatever now precedes them (their takes become out of date). */
  retarget: z.boolean({ error: "errors.field.invalid" }).default(false),
});

export const chooseTakeSchema = z.strictObject({ takeId: idSchema });

export const reviewSchema = z.discriminatedUnion(
  "decision",
  [z.strictObject({ decision: z.literal("approve") }), z.strictObject({ decision: z.literal("send_back"), reason: lines(500) })],
  { error: "errors.field.invalid" },
);

export const makeTakesSchema = z.strictObject({
  count: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(1, { error: "errors.field.take_count" }).max(MAX_TAKES_AT_ONCE, { error: "errors.field.take_count" }),
});

export const takesEstimateQuerySchema = z.object({
  count: z.coerce.number({ error: "errors.field.take_count" }).int({ error: "errors.field.take_count" }).min(1, { error: "errors.field.take_count" }).max(MAX_TAKES_AT_ONCE, { error: "errors.field.take_count" }),
});

const takesPerShot = z.coerce.number({ error: "errors.field.take_count" }).int({ error: "errors.field.take_count" }).min(1, { error: "errors.field.take_count" }).max(MAX_TAKES_AT_ONCE, { error: "errors.field.take_count" });

/** GET /api/films/:filmId/generate-missing?takes=1..4 */
export const generateMissingQuerySchema = z.object({ takes: takesPerShot });

/** POST /api/films/:filmId/generate-missing: the estimate's total comes back, so a changed shot list is refused. */
export const generateMissingSchema = z.strictObject({
  takes: z.number({ error: "errors.field.take_count" }).int({ error: "errors.field.take_count" }).min(1, { error: "errors.field.take_count" }).max(MAX_TAKES_AT_ONCE, { error: "errors.field.take_count" }),
  expectTotalFen: z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(0, { error: "errors.field.invalid" }).max(1_000_000_000, { error: "errors.field.invalid" }),
});

const timeMs = z.number({ error: "errors.field.invalid" }).int({ error: "errors.field.invalid" }).min(0, { error: "errors.field.invalid" }).max(COMMENT_MAX_MS, { error: "errors.field.invalid" });

export const createCommentSchema = z
  .strictObject({ takeId: idSchema.optional(), exportId: idSchema.optional(), timeMs, body: lines(2000) })
  .refine((c) => (c.takeId === undefined) !== (c.exportId === undefined), { error: "errors.field.comment_target", path: ["takeId"] });

export const updateCommentSchema = z.strictObject({ body: lines(2000) });

const REFERENCE_KINDS = ["character", "product"] as const;

export const createReferenceSchema = z.strictObject({
  kind: z.enum(REFERENCE_KINDS, { error: "errors.field.invalid" }),
  name: line(80),
  uploadId,
});

export const updateReferenceSchema = z.strictObject({ name: line(80).optional(), uploadId: uploadId.optional() });
