import "server-only";
import type { CreateGenerationInput } from "@/lib/shared/generation-schemas";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Access } from "../permissions";
import { type CreateOptions, createGeneration } from "./create-generation";
import { takeGroupIdOf, takeKey } from "./take-keys";

// "Generate 3 takes": one submit, n generations, each through the one create path (its own budget
// check, ledger hold and video job) under a key derived from the request's key. One take keeps the
// request's key itself, so a single-take submit is exactly what it was before. Only the first take
// is checked against a repeat of an earlier submission (repeat-guard.ts): its siblings are the same
// submission on purpose. Several takes share a group id (takeGroupIdOf) so the studio shows them as one. A budget that runs out part-way stops there: the takes made stay made (each
// held its own money) and the answer says how many were not.

interface TakesResult {
  ids: string[];
  /** Takes asked for but refused by a budget after the first one was made (the refusal's code). */
  stopped: { code: string; missing: number } | null;
}

export async function createTakes(client: Db, access: Access, requestKey: string, input: CreateGenerationInput, takes: number, options: CreateOptions): Promise<TakesResult> {
  if (takes === 1) return { ids: [(await createGeneration(client, access, requestKey, input, options)).id], stopped: null };
  const ids: string[] = [];
  const grouped = { ...options, takeGroupId: takeGroupIdOf(access.actor.id, requestKey) };
  for (let i = 0; i < takes; i++) {
    try {
      const r = await createGeneration(client, access, takeKey(requestKey, i), input, i === 0 ? grouped : { ...grouped, repeatGuard: undefined });
      ids.push(r.id);
    } catch (err) {
      // The first take's refusal is the request's; a later budget refusal ends the series.
      if (i === 0 || !(err instanceof AppError) || err.status !== 402) throw err;
      return { ids, stopped: { code: err.code, missing: takes - i } };
    }
  }
  return { ids, stopped: null };
}
