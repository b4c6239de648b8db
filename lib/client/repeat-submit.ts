import { REPEAT_WINDOW_MS } from "@/lib/shared/generation-schemas";

/** A second press this soon after an accepted submit is the same gesture (a double-click, Ctrl+Enter then a click). */
export const SAME_GESTURE_MS = 500;

type RepeatVerdict =
  /** Not seen lately: a new intent with a new key. */
  | { kind: "new" }
  /** The same press again: resend under the accepted key, so the server replays the one clip. */
  | { kind: "same-gesture"; key: string }
  /** The same submission moments later: ask before making another take. */
  | { kind: "repeat"; ageMs: number };

/**
 * The studio's memory of its last accepted submission, so a repeat asks instead of spending
 * (the server refuses an unconfirmed repeat too: lib/server/generations/repeat-guard.ts).
 */
export class RecentSubmit {
  private last: { payload: string; key: string; at: number } | null = null;

  remember(payload: unknown, key: string, at: number): void {
    this.last = { payload: JSON.stringify(payload), key, at };
  }

  judge(payload: unknown, now: number): RepeatVerdict {
    const last = this.last;
    if (!last || last.payload !== JSON.stringify(payload)) return { kind: "new" };
    const ageMs = now - last.at;
    if (ageMs < SAME_GESTURE_MS) return { kind: "same-gesture", key: last.key };
    if (ageMs < REPEAT_WINDOW_MS) return { kind: "repeat", ageMs };
    return { kind: "new" };
  }
}
