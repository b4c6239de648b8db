import "server-only";
import { GENERATION_SECONDS, VIDEO_MODELS, type VideoModel } from "@/lib/shared/upstream/video-models";
import { upstreamTimeScale } from "../jobs/time-scale";
import type { Db } from "../db";

// Expected upstream generation time per model (acceptedAt → successSeenAt), learned from the most
// recent STORED clips. The worker's adaptive poll schedule and the UI's progress bar / "time left"
// both use it. Median, not mean: one clip that waited behind a slow poll should not shift it much.
// Until MIN_SAMPLES clips exist, the documented mean (GENERATION_SECONDS) is the answer.

const SAMPLE_SIZE = 20;
export const MIN_SAMPLES = 3;
const CACHE_MS = 30_000;

type DurationClient = Pick<Db, "generation">;

const cache = new WeakMap<object, Map<string, { at: number; ms: number }>>();

function publishedRange(model: string): { min: number; max: number } {
  const known = (VIDEO_MODELS as readonly string[]).includes(model) ? GENERATION_SECONDS[model as VideoModel] : undefined;
  return known ?? { min: 120, max: 300 };
}

export function defaultExpectedMs(model: string): number {
  const { min, max } = publishedRange(model);
  return Math.round(((min + max) / 2) * 1000);
}

/**
 * The prior's spread. A published min–max range is read as covering nearly every clip, about ±3σ
 * around its middle, so σ ≈ width ÷ 6. A clip outside the window still meets the schedule's gradual
 * back-off (3 s growing ×1.5), so a late finisher costs seconds, not minutes. The earlier guess, a
 * fixed 10 % of the mean, was 3 to 6 times wider (per model) and widened the dense window as much before
 * a model had history.
 */
export function defaultSpreadMs(model: string): number {
  const { min, max } = publishedRange(model);
  return Math.round(((max - min) / 6) * 1000);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : Math.round(((s[mid - 1] ?? hi) + hi) / 2);
}

/** Upstream generation times (acceptedAt → successSeenAt, ms) of the last SAMPLE_SIZE stored clips of `model`. */
export async function recentDurations(client: DurationClient, model: string): Promise<number[]> {
  const rows = await client.generation.findMany({
    where: { model, status: "STORED", acceptedAt: { not: null }, successSeenAt: { not: null } },
    orderBy: { successSeenAt: "desc" },
    take: SAMPLE_SIZE,
    select: { acceptedAt: true, successSeenAt: true },
  });
  return rows.map((r) => (r.successSeenAt?.getTime() ?? 0) - (r.acceptedAt?.getTime() ?? 0)).filter((ms) => ms > 0);
}

/** Median of recentDurations, or null while fewer than MIN_SAMPLES exist. */
async function learnedMedianMs(client: DurationClient, model: string): Promise<number | null> {
  const samples = await recentDurations(client, model);
  return samples.length >= MIN_SAMPLES ? median(samples) : null;
}

/** Uncached: learned from recent clips, else the documented mean (real time). */
export async function learnExpectedMs(client: DurationClient, model: string): Promise<number> {
  return (await learnedMedianMs(client, model)) ?? defaultExpectedMs(model);
}

/**
 * Cached for 30 s per client and model: cheap enough to call for every view. Before enough clips
 * were learned, the documented mean is compressed by the upstream's time scale (the simulator's speed).
 */
export async function expectedGenerationMs(
  client: DurationClient,
  model: string,
  now = Date.now(),
  timeScale = upstreamTimeScale(),
): Promise<number> {
  let perClient = cache.get(client);
  if (!perClient) {
    perClient = new Map();
    cache.set(client, perClient);
  }
  const hit = perClient.get(model);
  if (hit && now - hit.at < CACHE_MS) return hit.ms;
  const ms = (await learnedMedianMs(client, model)) ?? Math.round(defaultExpectedMs(model) / timeScale);
  perClient.set(model, { at: now, ms });
  return ms;
}
