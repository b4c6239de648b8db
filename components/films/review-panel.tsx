"use client";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { reviewShot } from "./film-api";
import { TimecodedPlayer } from "./timecoded-player";
import { commentsOn, useFilmComments } from "./use-film-comments";
import type { ShotPanelProps } from "./shot-panel-props";
import { NoticeLine, useAction } from "./use-action";

/**
 * The chosen take in a player, its timecoded comments (a click seeks) and the review: approve, or
 * send back with a reason.
 */
export function ReviewPanel({ film, shot, takes, canEdit, onFilm }: ShotPanelProps) {
  const { t } = useI18n();
  const id = useId();
  const { run, notice, busy } = useAction();
  const commentStore = useFilmComments(film.id);
  const [reason, setReason] = useState("");
  const [sendingBack, setSendingBack] = useState(false);
  const take = shot.chosenTakeId ? takes.get(shot.chosenTakeId) : undefined;
  const stored = take?.status === "STORED" && take.media.video;

  async function decide(decision: { decision: "approve" } | { decision: "send_back"; reason: string }) {
    const n = shot.position + 1;
    const r = await run("films.busy.saving", () => t(decision.decision === "approve" ? "films.review.approved" : "films.review.sentBack", { n }), () => reviewShot(shot.id, decision));
    if (r) {
      onFilm(r.film);
      setSendingBack(false);
      setReason("");
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-3" data-testid="review-panel">
      <h3 id={`${id}-h`} className="text-base font-semibold">
        {t("films.review.title")}
      </h3>
      {!stored ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("films.review.noTake")}</p>
      ) : (
          <TimecodedPlayer
            filmId={film.id}
            target={{ takeId: take.id }}
            src={take.media.video?.url ?? ""}
            poster={take.media.poster?.url}
            label={t("films.review.player", { n: shot.position + 1 })}
            listLabel="films.comments.list"
            durationMs={take.media.video?.durationMs ?? 0}
            comments={commentsOn(commentStore.comments, { takeId: take.id })}
            store={commentStore}
            videoTestId="review-video"
            className="aspect-video w-full rounded bg-black object-contain"
          />
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
