import { GENERATION_SECONDS, type VideoModel } from "@/lib/shared/upstream/video-models";

/**
 * A duration in ms for work published as taking `min`–`max` seconds: roughly normal around the middle,
 * with a tail 10 % either side so callers meet both early and late finishers, divided by the speed
 * factor.
 */
export function drawDurationMs(range: { min: number; max: number }, speed: number, random: () => number): number {
  const { min, max } = range;
  const mean = (min + max) / 2;
  const sd = (max - min) / 4;
  // Box–Muller; 1 - random() keeps log() away from 0.
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const seconds = Math.min(max * 1.1, Math.max(min * 0.9, mean + z * sd));
  return Math.round((seconds * 1000) / speed);
}

/** Video generation time (Baidu VOD table: text 270–300 s, image 140–160 s, start-end 90–110 s). */
export function drawGenerationMs(model: VideoModel, speed: number, random: () => number): number {
  return drawDurationMs(GENERATION_SECONDS[model], speed, random);
}

/** Task id in the observed "yyyyMMddHHmmss + 16 hex" form (treated as opaque by clients). */
export function newTaskId(now: number, randomHex: string): string {
  const d = new Date(now);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return `${stamp}${randomHex}`;
}
