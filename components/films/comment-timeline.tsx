"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { CommentView } from "@/lib/shared/film/film-views";
import { timecode } from "@/lib/client/format";
import { ActionButton } from "@/components/ui/action-button";

/**
 * The player's comment timeline: a bar as long as the video with a mark per comment and the play
 * position. A click pins a new comment at the time under the pointer; from the keyboard (Enter or
 * Space) it pins at the current time. The marks are decoration: the comment list reads them out.
 */
export function CommentTimeline({ durationMs, nowMs, comments, onPin }: { durationMs: number; nowMs: number; comments: readonly CommentView[]; onPin: (timeMs: number) => void }) {
  const { t } = useI18n();
  const pct = (ms: number) => `${durationMs > 0 ? Math.min(100, (ms / durationMs) * 100) : 0}%`;

  function onClick(e: React.MouseEvent<HTMLButtonElement>) {
    // detail 0: activated from the keyboard, not a pointer.
    if (e.detail === 0 || durationMs <= 0) return onPin(nowMs);
    const box = e.currentTarget.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    onPin(Math.round(f * durationMs));
  }

  return (
    <ActionButton
      type="button"
      onClick={onClick}
      aria-label={t("films.comments.timeline", { at: timecode(nowMs) })}
      className="relative h-8 w-full cursor-crosshair rounded-md border border-zinc-400 bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-800"
      data-testid="comment-timeline"
    >
      <span aria-hidden className="absolute inset-y-0 left-0 rounded-l-md bg-indigo-200 dark:bg-indigo-900" style={{ width: pct(nowMs) }} />
      {comments.map((c) => (
        <span key={c.id} aria-hidden className="absolute inset-y-1 w-1 -translate-x-1/2 rounded bg-amber-600 dark:bg-amber-400" style={{ left: pct(c.timeMs) }} data-testid="comment-mark" />
      ))}
    </ActionButton>
  );
}
