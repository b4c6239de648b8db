import { z } from "zod";

// What `npm run upstream:check` learned about the live platform (docs/upstream.md, "Assumptions"),
// stored in one Setting row, shown on the admin page and read by the video job's submit strategy.
// Isomorphic: the admin page renders it.

/**
 * What a create that repeats an earlier request_id gets: refused (1231, no new task), accepted (a
 * new, separately billed task), same (the first task again), or unknown (not measured yet).
 */
export const REPEAT_REQUEST_ID_BEHAVIOURS = ["refused", "accepted", "same"] as const;
export type RepeatRequestIdBehaviour = (typeof REPEAT_REQUEST_ID_BEHAVIOURS)[number];
export type RepeatKnowledge = RepeatRequestIdBehaviour | "unknown";

/** Re-sending an ambiguous create with the same request_id cannot bill a second task. */
export function resendIsSafe(repeat: RepeatKnowledge): boolean {
  return repeat === "refused" || repeat === "same";
}

const probeSchema = z.object({ ok: z.boolean(), httpStatus: z.number(), code: z.string().optional(), detail: z.string().optional() });
export type Probe = z.infer<typeof probeSchema>;

export const upstreamFactsSchema = z.object({
  checkedAt: z.string(),
  upstream: z.enum(["bigmodel", "simulator"]),
  baseUrl: z.string(),
  /** The key authenticates (a free invalid request answers a validation code, not 401). */
  key: probeSchema,
  /** Per model, per probe name ("minimal", "missing-field", "bad-enum", …): what the platform answered. */
  models: z.record(z.string(), z.record(z.string(), probeSchema)),
  repeatRequestId: z.enum([...REPEAT_REQUEST_ID_BEHAVIOURS, "unknown"]),
  /** Hosts the paid clip's result and cover URLs came from (empty until a --spend run). */
  resultHosts: z.array(z.string()),
  /** Seconds from accept to SUCCESS of the paid clip (null until a --spend run). */
  generationSeconds: z.number().nullable(),
  /** Clips paid for by this run (0 without --spend). */
  spentClips: z.number().int(),
});
export type UpstreamFacts = z.infer<typeof upstreamFactsSchema>;
