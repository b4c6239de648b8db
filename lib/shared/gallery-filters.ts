import { z } from "zod";
import { MODES } from "./generation-schemas";
import { CANCELLED_BY_USER, FAILED_STATES, GENERATION_STATUSES, RUNNING, SUCCEEDED } from "./generation-lifecycle";
import { idSchema } from "./ids";
import { userText } from "./user-text";

// The gallery's filters: one definition for GET /api/generations (server) and the URL of the
// gallery page (client), so a bookmarked view and an API call mean the same thing.

const LIST_LIMIT_MAX = 100;
const SORTS = ["newest", "oldest"] as const;
/** Personal only until the teams issue; the parameter exists so bookmarks keep working later. */
const SCOPES = ["personal"] as const;
const TAG_MAX_CHARS = 40;
const TAGS_PER_REQUEST = 20;
const BULK_MAX = 100;

/** Status groups the UI offers; the API takes any comma-separated list of statuses. */
export const STATUS_GROUPS = {
  ready: SUCCEEDED,
  running: RUNNING,
  failed: FAILED_STATES,
  cancelled: CANCELLED_BY_USER,
} as const satisfies Record<string, readonly (typeof GENERATION_STATUSES)[number][]>;
export type StatusGroup = keyof typeof STATUS_GROUPS;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** YYYY-MM-DD (a UTC day) or a full ISO timestamp with offset. */
const instant = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, {
  error: "errors.field.invalid",
}).refine((s) => !Number.isNaN(Date.parse(s)), { error: "errors.field.invalid" });

const tagName = userText(
  z
    .string()
    .transform((s) => s.normalize("NFKC").replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, { error: "gallery.error.tagEmpty" }).max(TAG_MAX_CHARS, { error: "gallery.error.tagTooLong" })),
);

/** `?team=<id>`: a team workspace; absent = the personal one (list, SSE and submit share it). */
export const workspaceQuerySchema = z.object({ team: opt(idSchema) });

/** `?limit&cursor`: one page of a keyset-paginated list (the cursor is the previous page's nextCursor). */
export const pageQueryShape = {
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(20)),
  cursor: opt(z.string().max(300)),
};

export const galleryQuerySchema = z.object({
  ...pageQueryShape,
  mode: opt(z.enum(MODES)),
  status: opt(
    z
      .string()
      .max(200)
      .transform((s) => s.split(",").map((x) => x.trim().toUpperCase()).filter(Boolean))
      .pipe(z.array(z.enum(GENERATION_STATUSES)).min(1).max(GENERATION_STATUSES.length)),
  ),
  q: opt(z.string().max(200, { error: "gallery.error.searchTooLong" })),
  from: opt(instant),
  to: opt(instant),
  favourite: opt(z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")),
  tag: opt(tagName),
  creator: opt(idSchema),
  /** The takes of one submit (GenerationView.takeGroupId); the gallery detail lists a clip's siblings with it. */
  takeGroup: opt(idSchema),
  sort: opt(z.enum(SORTS)),
  scope: opt(z.enum(SCOPES)),
  ...workspaceQuerySchema.shape,
});
type GalleryQuery = z.output<typeof galleryQuerySchema>;
export type GalleryFilters = Omit<GalleryQuery, "limit" | "cursor">;

/** A day bound: "from" is the start of that UTC day, "to" its end; timestamps are used as given. */
export function boundOf(value: string, edge: "from" | "to"): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00.000Z`);
    return new Date(edge === "from" ? start : start + 86_400_000 - 1);
  }
  return new Date(value);
}

const tagsPatchSchema = z
  .object({
    add: z.array(tagName).max(TAGS_PER_REQUEST).optional(),
    remove: z.array(tagName).max(TAGS_PER_REQUEST).optional(),
  })
  .strict();

export const patchGenerationSchema = z
  .object({ favourite: z.boolean().optional(), tags: tagsPatchSchema.optional() })
  .strict()
  .refine((b) => b.favourite !== undefined || b.tags !== undefined, { error: "gallery.error.nothingToChange" });
export type PatchGeneration = z.output<typeof patchGenerationSchema>;

const idList = z.array(idSchema).min(1, { error: "gallery.error.noneSelected" }).max(BULK_MAX, { error: "gallery.error.tooMany" });

export const bulkSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("delete"), ids: idList }).strict(),
  z.object({ action: z.literal("tag"), ids: idList, tags: tagsPatchSchema }).strict(),
  z.object({ action: z.literal("favourite"), ids: idList, favourite: z.boolean() }).strict(),
]);
export type BulkRequest = z.output<typeof bulkSchema>;

/** The answer to a bulk request: ids acted on, visible ids left alone, and how many were not visible. */
export interface BulkResult {
  action: BulkRequest["action"];
  done: string[];
  /** Visible but not acted on (delete: still being made). */
  skipped: string[];
  /** Unknown, deleted or another user's ids: only counted, never named, so the answer leaks nothing. */
  missing: number;
}

export const exportSchema = z.object({ ids: idList }).strict();
