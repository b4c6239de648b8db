"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { CommentView, FilmView, ShotView } from "@/lib/shared/film/film-views";
import type { GenerationView } from "@/lib/shared/generation-view";
import { addComment, listComments, reviewShot } from "./film-api";
import { timecode } from "@/lib/client/format";
import { NoticeLine, useAction } from "./use-action";

/**
 * The chosen take in a player, its timecoded comments (a click seeks) and the review: approve, or
 * send back with a reason.
 */
export function ReviewPanel({
  film,
  shot,
  takes,
  canEdit,
  onFilm,
}: {
  film: FilmView;
  shot: ShotView;
  takes: ReadonlyMap<string, GenerationView>;
  canEdit: boolean;
  onFilm: (f: FilmView) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const { run, notice, busy } = useAction();
  const video = useRef<HTMLVideoElement>(null);
  const [now, setNow] = useState(0);
  const [comments, setComments] = useState<CommentView[]>([]);
  const [draft, setDraft] = useState<{ timeMs: number; body: string } | null>(null);
  const [reason, setReason] = useState("");
  const [sendingBack, setSendingBack] = useState(false);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  // Opening the comment form puts the cursor in it.
  const drafting = draft !== null;
  useEffect(() => {
    if (drafting) commentBox.current?.focus();
  }, [drafting]);
  const take = shot.chosenTakeId ? takes.get(shot.chosenTakeId) : undefined;
  const stored = take?.status === "STORED" && take.media.video;

  const load = useCallback(() => {
    listComments(film.id).then(
      (r) => setComments(r.items),
      () => {},
    );
  }, [film.id]);
  useEffect(load, [load]);

  async function comment(e: React.FormEvent) {
    e.preventDefault();
    if (!draft || !take || !draft.body.trim()) return;
    const d = draft;
    const r = await run("films.busy.saving", () => t("films.comments.added", { at: timecode(d.timeMs) }), () => addComment(film.id, take.id, d.timeMs, d.body));
    if (r) {
      setComments((c) => [...c, r.comment]);
      setDraft(null);
    }
  }

  async function decide(decision: { decision: "approve" } | { decision: "send_back"; reason: string }) {
    const n = shot.position + 1;
    const r = await run("films.busy.saving", () => t(decision.decision === "approve" ? "films.review.approved" : "films.review.sentBack", { n }), () => reviewShot(shot.id, decision));
    if (r) {
      onFilm(r.film);
      setSendingBack(false);
      setReason("");
    }
  }

  const mine = comments.filter((c) => c.takeId === shot.chosenTakeId).sort((x, y) => x.timeMs - y.timeMs);
  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-3" data-testid="review-panel">
      <h3 id={`${id}-h`} className="text-base font-semibold">
        {t("films.review.title")}
      </h3>
      {!stored ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("films.review.noTake")}</p>
      ) : (
        <>
          <video
            ref={video}
            controls
            preload="metadata"
            playsInline
            src={take.media.video?.url}
            poster={take.media.poster?.url}
            onTimeUpdate={(e) => setNow(e.currentTarget.currentTime)}
            onSeeked={(e) => setNow(e.currentTarget.currentTime)}
            aria-label={t("films.review.player", { n: shot.position + 1 })}
            className="aspect-video w-full rounded bg-black object-contain"
            data-testid="review-video"
          >
            <track kind="captions" />
          </video>
          <Button type="button" variant="secondary" className="self-start" onClick={() => setDraft({ timeMs: Math.round(now * 1000), body: "" })} data-testid="comment-at">
            {t("films.comments.at", { at: timecode(now * 1000) })}
          </Button>
          {draft && (
            <form onSubmit={comment} className="flex flex-col gap-2" aria-label={t("films.comments.formLabel", { at: timecode(draft.timeMs) })}>
              <label htmlFor={`${id}-c`} className="text-sm font-medium">
                {t("films.comments.label", { at: timecode(draft.timeMs) })}
              </label>
              <textarea
                id={`${id}-c`}
                ref={commentBox}
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
          {mine.length > 0 && (
            <ol className="flex flex-col gap-1" aria-label={t("films.comments.list")} data-testid="comment-list">
              {mine.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="w-full rounded-md px-2 py-1 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
                    onClick={() => {
                      if (video.current) video.current.currentTime = c.timeMs / 1000;
                    }}
                    data-testid="comment"
                  >
                    <span className="sr-only">{t("films.comments.seek")} </span>
                    <span className="font-mono text-xs font-semibold text-indigo-800 dark:text-indigo-300">{timecode(c.timeMs)}</span> {c.body}
                    {c.authorName && <span className="text-xs text-zinc-600 dark:text-zinc-400"> — {c.authorName}</span>}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <p className="text-sm" data-testid="review-state" data-state={shot.review.state}>
        {t(`films.review.state.${shot.review.state}`)}
        {shot.review.reason && <> — {shot.review.reason}</>}
      </p>
      {canEdit && stored && (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap gap-2">
            <Button type="button" disabled={busy || shot.review.state === "APPROVED"} onClick={() => void decide({ decision: "approve" })} data-testid="approve">
              {t("films.review.approve")}
            </Button>
            <Button type="button" variant="secondary" disabled={busy || shot.review.state === "SENT_BACK"} onClick={() => setSendingBack((x) => !x)} aria-expanded={sendingBack}>
              {t("films.review.sendBack")}
            </Button>
          </div>
          {sendingBack && (
            <form
              className="flex flex-col gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (reason.trim()) void decide({ decision: "send_back", reason });
              }}
            >
              <label htmlFor={`${id}-r`} className="text-sm font-medium">
                {t("films.review.reason")}
              </label>
              <textarea id={`${id}-r`} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} className="min-h-16 rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900" />
              <Button type="submit" className="self-start" disabled={busy || !reason.trim()}>
                {t("films.review.sendBackConfirm")}
              </Button>
            </form>
          )}
        </div>
      )}
      <NoticeLine notice={notice} testId="review-notice" />
    </section>
  );
}
