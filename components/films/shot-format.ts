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
