"use client";
import { useCallback, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api-error";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { DetailHandlers } from "./clip-detail";
import { deleteClip, patchClip, retryClip, retryPoster } from "./gallery-api";

// The per-clip actions (favourite, tags, retry, delete with confirmation) shared by the grid's
// keyboard shortcuts, the modal and the detail page. Results show as toasts (seen and heard).

export function useClipActions({
  onChanged,
  onDeleted,
  onRetried,
}: {
  onChanged: (view: GenerationView) => void;
  onDeleted: (id: string) => void;
  onRetried?: (view: GenerationView) => void;
}) {
  const { locale, t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<GenerationView | null>(null);

  const fail = useCallback(
    (e: unknown) => toast(t("gallery.action.failed", { reason: e instanceof ApiError ? e.localized(locale) : String(e) }), "error"),
    [toast, locale, t],
  );

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (e) {
        fail(e);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );

  const toggleFavourite = useCallback(
    (clip: GenerationView) =>
      run(async () => {
        const next = await patchClip(clip.id, { favourite: !clip.favourite });
        onChanged(next);
        toast(t(next.favourite ? "gallery.action.favourited" : "gallery.action.unfavourited"));
      }),
    [toast, onChanged, run, t],
  );

  const changeTag = useCallback(
    (clip: GenerationView, tag: string, add: boolean) =>
      run(async () => {
        onChanged(await patchClip(clip.id, { tags: add ? { add: [tag] } : { remove: [tag] } }));
        toast(t(add ? "gallery.tags.added" : "gallery.tags.removed", { tag }));
      }),
    [toast, onChanged, run, t],
  );

  const retry = useCallback(
    (clip: GenerationView) =>
      run(async () => {
        const r = await retryClip(clip.id);
        onRetried?.(r.generation);
        toast(t("gallery.action.retried"));
      }),
    [toast, onRetried, run, t],
  );

  const remakePoster = useCallback(
    (clip: GenerationView) =>
      run(async () => {
        onChanged((await retryPoster(clip.id)).generation);
        toast(t("gallery.action.posterQueued"));
      }),
    [toast, onChanged, run, t],
  );

  const confirm = useCallback(
    () =>
      run(async () => {
        const clip = confirmDelete;
        if (!clip) return;
        try {
          await deleteClip(clip.id);
        } finally {
          setConfirmDelete(null);
        }
        onDeleted(clip.id);
        toast(t("gallery.delete.done"));
      }),
    [toast, confirmDelete, onDeleted, run, t],
  );

  return {
    busy,
    toggleFavourite,
    changeTag,
    retry,
    remakePoster,
    askDelete: setConfirmDelete,
    confirmDelete,
    confirm,
    cancelDelete: () => setConfirmDelete(null),
  };
}

export type ClipActions = ReturnType<typeof useClipActions>;

/** What the clip's detail (the modal or its own page) does when pressed: the actions, on `clip`. */
export function detailHandlers(actions: ClipActions, clip: GenerationView, tagSuggestions: string[], onMoved: (view: GenerationView) => void): DetailHandlers {
  return {
    busy: actions.busy,
    tagSuggestions,
    onFavourite: () => void actions.toggleFavourite(clip),
    onAddTag: (tag) => void actions.changeTag(clip, tag, true),
    onRemoveTag: (tag) => void actions.changeTag(clip, tag, false),
    onDelete: () => actions.askDelete(clip),
    onRetry: () => void actions.retry(clip),
    onRemakePoster: () => void actions.remakePoster(clip),
    onMoved,
  };
}
