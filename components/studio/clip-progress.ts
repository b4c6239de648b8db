import { isTerminal } from "@/lib/shared/generation-lifecycle";
import type { GenerationView } from "@/lib/shared/generation-view";

const PHASE_FLOOR: Partial<Record<GenerationView["status"], number>> = { QUEUED: 0, SUBMITTING: 0.03, PROCESSING: 0.05, DOWNLOADING: 0.92 };

/**
 * Timing of one clip for the card: elapsed since creation, expected remaining from acceptedAt +
 * expectedMs, and a progress fraction that keeps moving between server updates (never backwards,
 * capped below 100 % until the clip is STORED).
 */
export function clipTiming(v: GenerationView, now: number) {
  const created = Date.parse(v.createdAt);
  const end = v.finishedAt ? Date.parse(v.finishedAt) : isTerminal(v.status) ? Date.parse(v.updatedAt) : now;
  const elapsedMs = Math.max(0, end - created);
  let remainingMs: number | null = null;
  let progress = v.progress;
  if (v.status === "STORED") progress = 1;
  else if (!isTerminal(v.status)) {
    const floor = PHASE_FLOOR[v.status] ?? 0;
    if (v.acceptedAt && v.expectedMs > 0) {
      const sinceAccept = now - Date.parse(v.acceptedAt);
      remainingMs = Math.max(0, v.expectedMs - sinceAccept);
      const estimate = 0.05 + 0.85 * Math.min(1, sinceAccept / v.expectedMs);
      progress = Math.max(progress, floor, v.status === "PROCESSING" ? Math.min(0.9, estimate) : 0);
    } else {
      remainingMs = v.status === "QUEUED" ? null : v.expectedMs > 0 ? v.expectedMs : null;
      progress = Math.max(progress, floor);
    }
    progress = Math.min(progress, 0.99);
  }
  return { elapsedMs, remainingMs, progress };
}
