"use client";
import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useSteadyMediaSrc } from "@/lib/client/steady-media-src";
import type { MessageKey } from "@/lib/i18n/translate";
import type { CommentView } from "@/lib/shared/film/film-views";
import { CommentForm } from "./comment-form";
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
  const { run, notice, busy } = useAction();
  const video = useRef<HTMLVideoElement>(null);
  // The film's live updates re-sign the take's URL: a new src would rewind a review mid-playback.
  const steadySrc = useSteadyMediaSrc(src);
  const [now, setNow] = useState(0);
  const [length, setLength] = useState(durationMs);
  const [draft, setDraft] = useState<{ timeMs: number; body: string } | null>(null);

  function seek(timeMs: number) {
    if (video.current) video.current.currentTime = timeMs / 1000;
  }
  function pin(timeMs: number) {
    seek(timeMs);
    setDraft({ timeMs, body: "" });
  }

  async function post() {
    if (!draft) return;
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
        src={steadySrc}
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
        <CommentForm
          formLabel={t("films.comments.formLabel", { at: timecode(draft.timeMs) })}
          fieldLabel={t("films.comments.label", { at: timecode(draft.timeMs) })}
          body={draft.body}
          onBody={(body) => setDraft({ ...draft, body })}
          onSubmit={post}
          onCancel={() => setDraft(null)}
          busy={busy}
          submitLabel={t("films.comments.post")}
          submitTestId="comment-submit"
        />
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
