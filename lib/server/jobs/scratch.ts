import "server-only";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

// Scratch space for downloads and ffmpeg outputs. A killed worker leaves its directory behind;
// every worker start removes entries older than an hour (no live job is that old: downloads time
// out after 10 minutes), so leftovers can't pile up (docs/reliability.md, I5).

export const SCRATCH_TTL_MS = 60 * 60_000;

export async function sweepScratch(dir: string, olderThanMs = SCRATCH_TTL_MS): Promise<number> {
  await mkdir(dir, { recursive: true });
  let removed = 0;
  for (const name of await readdir(dir)) {
    const p = path.join(dir, name);
    try {
      if (Date.now() - (await stat(p)).mtimeMs >= olderThanMs) {
        await rm(p, { recursive: true, force: true });
        removed++;
      }
    } catch {
      // Vanished meanwhile (another worker swept it): nothing to do.
    }
  }
  return removed;
}
