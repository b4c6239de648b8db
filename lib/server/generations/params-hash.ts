import "server-only";
import { createHash } from "node:crypto";
import type { CreateGenerationInput } from "@/lib/shared/generation-schemas";

// The idempotency fingerprint of a submit (Stripe-style): the SAME key with the SAME
// normalized input replays the first generation, a different input is 422. Normalized = after the
// zod schema (defaults filled, prompt trimmed), serialized with sorted keys so that property order
// and omitted defaults cannot change the hash.

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

/** sha256 hex over the normalized input; a retry also binds the clip it retries, a team clip its team, a film's take its shot. */
export function paramsHash(input: CreateGenerationInput, extra: { retryOfId?: string; teamId?: string; shotId?: string } = {}): string {
  return createHash("sha256")
    .update(canonicalJson({ v: 1, input, retryOfId: extra.retryOfId, teamId: extra.teamId, shotId: extra.shotId }))
    .digest("hex");
}
