"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { MessageKey } from "@/lib/i18n/translate";
import type { CommentView } from "@/lib/shared/film/film-views";
import { CommentTimeline } from "./comment-timeline";
import { addComment } from "./film-api";
import { timecode } from "@/lib/client/format";
import type { CommentTarget } from "./use-film-comments";
import { NoticeLine, useAction } from "./use-action";

/**
 * A video with timecoded comments, for a take or an export of a film: pin a comment on the timeline
 * (or at the current time), and the comments in time order, each a button that seeks the player
 * there. Everyone who sees the film comments, viewers too.
 */
export function TimecodedPlayer({
  filmId,
  target,
  src,
  poster,
  label,
  listLabel,
  durationMs,
  comments,
  onAdded,
  videoTestId,
  className,
}: {
  filmId: string;
  target: CommentTarget;
  src: string;
  poster?: string;
  label: string;
  listLabel: MessageKey;
  durationMs: number;
  comments: readonly CommentView[];
  onAdded: (c: CommentView) => void;
  videoTestId?: string;
  className: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const { run, notice, busy } = useAction();
  const video = useRef<HTMLVideoElement>(null);
  const [now, setNow] = useState(0);
  const [length, setLength] = useState(durationMs);
  const [draft, setDraft] = useState<{ timeMs: number; body: string } | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // Opening the comment form puts the cursor in it.
  const drafting = draft !== null;
  useEffect(() => {
    if (drafting) box.current?.focus();
  }, [drafting]);

  function seek(timeMs: number) {
    if (video.current) video.current.currentTime = timeMs / 1000;
  }
  function pin(timeMs: number) {
    seek(timeMs);
    setDraft({ timeMs, body: "" });
  }

  async function post(e: React.FormEvent) {
    e.preventDefault();
    if (!draft || !draft.body.trim()) return;
    const d = draft;
    const r = await run("films.busy.saving", () => t("films.comments.added", { at: timecode(d.timeMs) }), () => addComment(filmId, target, d.timeMs, d.body));
    if (r) {
      onAdded(r.comment);
      setDraft(null);
    }
  }

  const nowMs = Math.round(now * 1000);
  return (
    <div className="flex flex-col gap-2">
      <video
        ref={video}
        controls
        preload="metadata"
        playsInline
        src={src}
        poster={poster}
        onTimeUpdate={(e) => setNow(e.currentTarget.currentTime)}
        onSeeked={(e) => setNow(e.currentTarget.currentTime)}
        onLoadedMetadata={(e) => {
          if (Number.isFinite(e.currentTarget.duration)) setLength(Math.round(e.currentTarget.duration * 1000));
        }}
        aria-label={label}
        className={className}
        data-testid={videoTestId}
      >
        <track kind="captions" />
      </video>
      <CommentTimeline durationMs={length} nowMs={nowMs} comments={comments} onPin={pin} />
      <Button type="button" variant="secondary" className="self-start" onClick={() => pin(nowMs)} data-testid="comment-at">
        {t("films.comments.at", { at: timecode(nowMs) })}
      </Button>
      {draft && (
        <form onSubmit={post} className="flex flex-col gap-2" aria-label={t("films.comments.formLabel", { at: timecode(draft.timeMs) })}>
          <label htmlFor={`${id}-c`} className="text-sm font-medium">
            {t("films.comments.label", { at: timecode(draft.timeMs) })}
          </label>
          <textarea
            id={`${id}-c`}
            ref={box}
            maxLength={2000}
            value={draft.body}
            onChange={(e) => setDraft({ ...draft, body: e.target.value })}
            className="min-h-16 rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={busy || !draft.body.trim()} data-testid="comment-submit">
              {t("films.comments.post")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDraft(null)}>
              {t("films.cancel")}
            </Button>
          </div>
        </form>
      )}
      <NoticeLine notice={notice} testId="comment-notice" />
      {comments.length > 0 && (
        <ol className="flex flex-col gap-1" aria-label={t(listLabel)} data-testid="comment-list">
          {comments.map((c) => (
            <li key={c.id}>
              <button type="button" className="w-full rounded-md px-2 py-1 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800" onClick={() => seek(c.timeMs)} data-testid="comment">
                <span className="sr-only">{t("films.comments.seek")} </span>
                <span className="font-mono text-xs font-semibold text-indigo-800 dark:text-indigo-300">{timecode(c.timeMs)}</span> {c.body}
                {c.authorName && <span className="text-xs text-zinc-600 dark:text-zinc-400"> — {c.authorName}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
