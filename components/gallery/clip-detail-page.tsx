"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LiveRegionProvider } from "@/components/ui/live-region";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ClipDetail } from "./clip-detail";
import { ConfirmDialog } from "./confirm-dialog";
import { fetchTags } from "./gallery-api";
import { useClipActions } from "./use-clip-actions";
import { usePosterArrivals } from "./use-poster-arrivals";

function DetailBody({ initial }: { initial: GenerationView }) {
  const { t } = useI18n();
  const router = useRouter();
  const [clip, setClip] = useState(initial);
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => void fetchTags().then((r) => setTags(r.tags), () => {}), []);
  const arrived = useCallback((v: GenerationView) => setClip((c) => (c.id === v.id ? { ...c, ...v } : c)), []);
  usePosterArrivals([clip], arrived);
  const actions = useClipActions({
    onChanged: (v) => setClip((c) => ({ ...c, ...v })),
    onDeleted: () => router.push("/gallery"),
    onRetried: (v) => router.push(`/gallery/${encodeURIComponent(v.id)}`),
  });
  return (
    <>
      <h1 id="detail-title" className="line-clamp-2 text-2xl font-semibold">
        {clip.prompt || t("gallery.detail.title")}
      </h1>
      <ClipDetail
        clip={clip}
        headingId="page"
        handlers={{
          busy: actions.busy,
          tagSuggestions: tags,
          onFavourite: () => void actions.toggleFavourite(clip),
          onAddTag: (tag) => void actions.changeTag(clip, tag, true),
          onRemoveTag: (tag) => void actions.changeTag(clip, tag, false),
          onDelete: () => actions.askDelete(clip),
          onRetry: () => void actions.retry(clip),
          onRemakePoster: () => void actions.remakePoster(clip),
          onMoved: (v) => setClip(v),
        }}
      />
      <ConfirmDialog
        open={actions.confirmDelete !== null}
        title={t("gallery.delete.title")}
        body={t("gallery.delete.body")}
        confirmLabel={actions.busy ? t("gallery.delete.working") : t("gallery.delete.confirm")}
        cancelLabel={t("gallery.delete.cancel")}
        busy={actions.busy}
        onConfirm={() => void actions.confirm()}
        onCancel={actions.cancelDelete}
      />
    </>
  );
}

/** /gallery/:id's client part: the same detail and actions as the modal. */
export function ClipDetailPage({ initial }: { initial: GenerationView }) {
  return (
    <LiveRegionProvider>
      <DetailBody initial={initial} />
    </LiveRegionProvider>
  );
}
