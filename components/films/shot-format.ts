import { FILM_FPS } from "@/lib/shared/film/cut";
import { TAKE_FRAMES } from "@/lib/shared/film/film-schemas";
import type { ShotView } from "@/lib/shared/film/film-views";

/** Frames of a shot after its trim (a take is TAKE_FRAMES long). */
export function trimmedFrames(shot: Pick<ShotView, "trimIn" | "trimOut">): number {
  return Math.max(0, (shot.trimOut ?? TAKE_FRAMES) - shot.trimIn);
}

/** Seconds with one decimal: 96 frames → "4.0 s". */
export function framesToSeconds(frames: number): string {
  return `${(frames / FILM_FPS).toFixed(1)} s`;
}

/** A player time as mm:ss.d, the notation of timecoded comments ("00:02.4"). */
export function timecode(ms: number): string {
  const tenths = Math.floor(Math.max(0, ms) / 100);
  const s = Math.floor(tenths / 10);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.${tenths % 10}`;
}
