import os from "node:os";

// Caps how many ffmpeg processes run at once (a Semaphore of this size). libx264 already uses every
// core, so on a 2-core box a second concurrent encode only makes both slower and starves the web
// server; one spare core is kept.

export function defaultRenderConcurrency(): number {
  return Math.max(1, os.cpus().length - 1);
}
