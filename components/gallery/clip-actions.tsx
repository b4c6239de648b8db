"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { DetailHandlers } from "./clip-detail";

const RETRYABLE = ["FAILED", "EXPIRED", "REJECTED", "ORPHANED"];
const LINK =
  "inline-flex items-center rounded-md border border-zinc-400 px-4 py-2 text-sm font-semibold text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800";

/** Download, copy prompt, remix, retry, favourite, delete, share (placeholder until teams). */
export function ClipActions({ clip, handlers }: { clip: GenerationView; handlers: DetailHandlers }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const v = clip.media.video;
  return (
    <div className="flex flex-wrap gap-2" data-testid="detail-actions">
      {v && (
        <a href={v.downloadUrl} download className={LINK}>
          {t("gallery.action.download")}
        </a>
      )}
      {clip.prompt && (
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            navigator.clipboard.writeText(clip.prompt).then(
              () => announce(t("gallery.action.copied")),
              () => announce(t("gallery.action.copyFailed"), "assertive"),
            )
          }
        >
          {t("gallery.action.copyPrompt")}
        </Button>
      )}
      <a href={`/?remix=${encodeURIComponent(clip.id)}`} className={LINK} data-testid="remix">
        {t("gallery.action.remix")}
      </a>
      {RETRYABLE.includes(clip.status) && (
        <Button type="button" variant="secondary" onClick={handlers.onRetry} disabled={handlers.busy}>
          {t("gallery.action.retry")}
        </Button>
      )}
      <Button type="button" variant="secondary" aria-pressed={clip.favourite === true} onClick={handlers.onFavourite} disabled={handlers.busy} data-testid="favourite">
        <span aria-hidden="true" className="mr-1 text-amber-600 dark:text-amber-300">
          {clip.favourite ? "★" : "☆"}
        </span>
        {t(clip.favourite ? "gallery.action.unfavourite" : "gallery.action.favourite")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        onClick={handlers.onDelete}
        disabled={handlers.busy}
        className="!border-red-700 !text-red-800 dark:!border-red-400 dark:!text-red-300"
        data-testid="delete"
      >
        {t("gallery.action.delete")}
      </Button>
      <span className="flex items-center gap-2 text-xs text-zinc-700 dark:text-zinc-300">
        <Button type="button" variant="secondary" disabled aria-describedby={`share-note-${clip.id}`}>
          {t("gallery.action.share")}
        </Button>
        <span id={`share-note-${clip.id}`}>{t("gallery.action.shareSoon")}</span>
      </span>
    </div>
  );
}
