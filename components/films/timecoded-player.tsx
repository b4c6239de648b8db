"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { MessageKey } from "@/lib/i18n/translate";
import type { CommentView } from "@/lib/shared/film/film-views";
import { CommentItem } from "./comment-item";
import { CommentTimeline } from "./comment-timeline";
import { addComment, deleteComment } from "./film-api";
import { timecode } from "@/lib/client/format";
import type { CommentTarget, FilmComments } from "./use-film-comments";
import { NoticeLine, useAction } from "./use-action";

/**
 * A video with timecoded comments, for a take or an export of a film: pin a comment on the timeline
 * (or at the current time), and the comments in time order, each a button that seeks the player
 * there, with edit and delete where the reader may. Everyone who sees the film comments, viewers too.
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
  store,
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
  store: Pick<FilmComments, "added" | "changed" | "removed">;
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
      store.added(r.comment);
      setDraft(null);
    }
  }

  async function remove(c: CommentView) {
    const r = await run("films.comments.deleting", () => t("films.comments.deleted", { at: timecode(c.timeMs) }), () => deleteComment(c.id));
    if (r) store.removed(c.id);
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
            <CommentItem key={c.id} comment={c} onSeek={seek} onChanged={store.changed} onDelete={remove} />
          ))}
        </ol>
      )}
    </div>
  );
}
