// The accept ledger and counters tests read (control.stats(), GET /__sim/stats). They are the oracle
// for "no double charge" (accepts per request_id ≤ 1), "cap respected" (peak in-flight ≤ cap and no
// over-cap rejections) and "one poller per task" (no overlapping polls).

export interface SimStats {
  /** Creates accepted per request_id (a value above 1 is a double charge). */
  acceptsByRequestId: Record<string, number>;
  totalAccepts: number;
  /** Task ids accepted per request_id, in order (what an operator finds in the platform's console). */
  taskIdsByRequestId: Record<string, string[]>;
  /** Highest count of PROCESSING tasks per model seen at any accept (summed over keys). */
  peakInFlight: Record<string, number>;
  /** GETs for a task that arrived while another GET for the same task was still open. */
  overlappingPolls: Record<string, number>;
  overlappingPollsTotal: number;
  /** Creates that repeated a request_id and got the earlier task back (repeatRequestId "same"). */
  repeatsAnsweredSame: number;
  /** Creates refused with 1302 because the key's per-model cap was full. */
  rejectedOverCap: number;
  requests: { create: number; query: number; file: number; control: number; chat: number; images: number; speech: number };
  /** Images and speech answered with a result (each one a billed call on the platform). */
  billedMedia: { images: number; speech: number };
  /** Chat completions answered 200 (each one billed upstream). */
  chatCompletions: number;
  /** prompt + completion tokens of those answers. */
  chatTokens: number;
  /** Error replies by business code. */
  errorsByCode: Record<string, number>;
  faultsInjected: number;
}

export function emptyStats(): SimStats {
  return {
    acceptsByRequestId: {},
    totalAccepts: 0,
    taskIdsByRequestId: {},
    peakInFlight: {},
    overlappingPolls: {},
    overlappingPollsTotal: 0,
    rejectedOverCap: 0,
    repeatsAnsweredSame: 0,
    requests: { create: 0, query: 0, file: 0, control: 0, chat: 0, images: 0, speech: 0 },
    billedMedia: { images: 0, speech: 0 },
    chatCompletions: 0,
    chatTokens: 0,
    errorsByCode: {},
    faultsInjected: 0,
  };
}

export class PollTracker {
  private readonly open = new Map<string, number>();

  /** Returns a release function; counts an overlap when another poll for the task is open. */
  enter(taskId: string, stats: SimStats): () => void {
    const n = this.open.get(taskId) ?? 0;
    if (n > 0) {
      stats.overlappingPolls[taskId] = (stats.overlappingPolls[taskId] ?? 0) + 1;
      stats.overlappingPollsTotal++;
    }
    this.open.set(taskId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(taskId) ?? 1) - 1;
      if (left <= 0) this.open.delete(taskId);
      else this.open.set(taskId, left);
    };
  }
}
