import "server-only";
import type { Db } from "@/lib/server/db";
import { defaultExpectedMs, defaultSpreadMs, median, MIN_SAMPLES, recentDurations } from "@/lib/server/generations/expected-duration";
import type { PollPlan } from "./poll-schedule";

// Inputs of the poll schedule for one model: the same learned median the UI shows
// (expected-duration.ts: last SAMPLE_SIZE stored clips, prior until MIN_SAMPLES) plus a spread
// (1.4826·MAD, a robust σ) that decides how wide the dense window is. Until enough clips exist the
// prior is the published range (expected-duration.ts): its middle and a quarter of its width as the
// spread, both divided by the worker time scale.

const CACHE_MS = 2_000;
const caches = new WeakMap<Db, Map<string, { at: number; plan: PollPlan }>>();

export function planFromSamples(samples: number[], model: string, timeScale: number): PollPlan {
  if (samples.length < MIN_SAMPLES) {
    return { expectedMs: defaultExpectedMs(model) / timeScale, spreadMs: defaultSpreadMs(model) / timeScale, timeScale };
  }
  const E = median(samples);
  const mad = median(samples.map((s) => Math.abs(s - E)));
  return { expectedMs: E, spreadMs: Math.max(1.4826 * mad, E * 0.02), timeScale };
}

export async function pollPlanFor(db: Db, model: string, timeScale: number): Promise<PollPlan> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(model);
  if (hit && Date.now() - hit.at < CACHE_MS && hit.plan.timeScale === timeScale) return hit.plan;
  const plan = planFromSamples(await recentDurations(db, model), model, timeScale);
  cache.set(model, { at: Date.now(), plan });
  return plan;
}
