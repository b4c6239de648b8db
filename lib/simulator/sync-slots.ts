import type { SimStats } from "./sim-stats";

// Concurrency of the synchronous endpoints (chat, images, speech): a request holds a slot of its key's
// per-model cap while it is being worked on, like a PROCESSING video task does. Over the cap → 1302
// (docs/upstream.md, "Images (CogView-4)" / "Speech (GLM-TTS)", concurrency). Same switch
// (`concurrency`) as the video models.

export class SyncSlots {
  private readonly held = new Map<string, number>();

  private count(key: string): number {
    return this.held.get(key) ?? 0;
  }

  /** Takes a slot, or returns undefined when the key already holds `cap` for this model. */
  enter(account: string, model: string, cap: number, stats: SimStats): (() => void) | undefined {
    const key = `${account}\u0000${model}`;
    if (this.count(key) >= cap) {
      stats.rejectedOverCap++;
      return undefined;
    }
    this.held.set(key, this.count(key) + 1);
    const inFlight = [...this.held].filter(([k]) => k.endsWith(`\u0000${model}`)).reduce((n, [, v]) => n + v, 0);
    stats.peakInFlight[model] = Math.max(stats.peakInFlight[model] ?? 0, inFlight);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.count(key) - 1;
      if (left <= 0) this.held.delete(key);
      else this.held.set(key, left);
    };
  }
}
