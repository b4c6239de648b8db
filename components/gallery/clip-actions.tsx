"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useClipRights, useWorkspace } from "@/lib/client/workspace-context";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { DetailHandlers } from "./clip-detail";
import { MoveToTeam } from "./move-to-team";
import { ENDED_WITHOUT_VIDEO, isIn, RETRYABLE } from "@/lib/shared/generation-lifecycle";

const LINK =
  "inline-flex items-center rounded-md border border-zinc-400 px-4 py-2 text-sm font-semibold text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800";

/** Download, copy prompt, remix, retry, favourite, delete, move to a team — each only where the actor's rights allow. */
export function ClipActions({ clip, handlers }: { clip: GenerationView; handlers: DetailHandlers }) {
  const { t } = useI18n();
  const toast = useToast();
  const v = clip.media.video;
  // Rights come with gallery views; a view without them falls back to what the role allows here.
  const may = useClipRights(clip);
  const canRemix = useWorkspace().canGenerate;
  return (
    <div className="flex flex-wrap gap-2" data-testid="detail-actions">
      {v && may.download && (
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
              () => toast(t("gallery.action.copied")),
              () => toast(t("gallery.action.copyFailed"), "error"),
            )
          }
        >
          {t("gallery.action.copyPrompt")}
        </Button>
      )}
      {canRemix && (
        <a href={`/?remix=${encodeURIComponent(clip.id)}`} className={LINK} data-testid="remix">
          {t("gallery.action.remix")}
        </a>
      )}
      {!isIn(ENDED_WITHOUT_VIDEO, clip.status) && may.retry && (
        <a href={`/?continue=${encodeURIComponent(clip.id)}`} className={LINK} data-testid="continue">
          {t("gallery.action.continue")}
        </a>
      )}
      {/* A refused prompt would be refused again: "retry" opens it in the studio for editing instead. */}
      {clip.status === "REJECTED" && may.retry && canRemix && (
        <a href={`/?remix=${encodeURIComponent(clip.id)}`} className={LINK} data-testid="edit-retry">
          {t("gallery.action.editRetry")}
        </a>
      )}
      {isIn(RETRYABLE, clip.status) && clip.status !== "REJECTED" && may.retry && (
        <Button type="button" variant="secondary" onClick={handlers.onRetry} disabled={handlers.busy}>
          {t("gallery.action.retry")}
        </Button>
      )}
      {clip.derivatives === "failed" && may.annotate && (
        <Button type="button" variant="secondary" onClick={handlers.onRemakePoster} disabled={handlers.busy} data-testid="remake-poster">
          {t("gallery.action.remakePoster")}
        </Button>
      )}
      {may.annotate && (
      <Button type="button" variant="secondary" aria-pressed={clip.favourite === true} onClick={handlers.onFavourite} disabled={handlers.busy} data-testid="favourite">
        <span aria-hidden="true" className="mr-1 text-amber-600 dark:text-amber-300">
          {clip.favourite ? "★" : "☆"}
        </span>
        {t(clip.favourite ? "gallery.action.unfavourite" : "gallery.action.favourite")}
      </Button>
      )}
      {may.delete && (
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
      )}
      {handlers.onMoved && <MoveToTeam clip={clip} onMoved={handlers.onMoved} />}
    </div>
  );
}
