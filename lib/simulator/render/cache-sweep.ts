import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

// A process killed mid-render leaves its work dir and temp outputs behind; they are never reused
// (names are random), so they are swept on the first render into a cache dir. Finished clips are
// only removed on request: the simulator decides how long result URLs must stay valid. A cache hit
// refreshes a clip's modification time (render-clip.ts), so clipMaxAgeMs means "not used for".

const CLIP_FILE = /^[0-9a-f]{64}\.(mp4|jpg)$/;
const TEMP_FILE = /^(\.work-.+|[0-9a-f]{64}\..+\.tmp\.(mp4|jpg))$/;

export interface SweepOptions {
  /** Temp files younger than this may belong to a render still running (in another process). */
  tempMaxAgeMs?: number;
  /** When set, also delete finished clips and covers not used (rendered or hit) for this long. */
  clipMaxAgeMs?: number;
  now?: number;
}

export async function sweepRenderCache(cacheDir: string, opts: SweepOptions = {}): Promise<{ removed: string[] }> {
  const now = opts.now ?? Date.now();
  const tempMaxAge = opts.tempMaxAgeMs ?? 30 * 60_000;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return { removed }; // no cache yet
  }
  for (const name of names) {
    const maxAge = TEMP_FILE.test(name) ? tempMaxAge : CLIP_FILE.test(name) ? opts.clipMaxAgeMs : undefined;
    if (maxAge === undefined) continue; // not ours: leave it alone
    const full = path.join(cacheDir, name);
    try {
      const { mtimeMs } = await stat(full);
      if (now - mtimeMs < maxAge) continue;
      await rm(full, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Vanished meanwhile (another sweeper or a rename): nothing to do.
    }
  }
  return { removed };
}
