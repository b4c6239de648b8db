"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ClipDetail } from "./clip-detail";
import { DeleteClipConfirm } from "./delete-clip-confirm";
import { fetchTags } from "./gallery-api";
import { detailHandlers, useClipActions } from "./use-clip-actions";
import { usePosterArrivals } from "./use-poster-arrivals";

/** /gallery/:id's client part: the same detail and actions as the modal. */
export function ClipDetailPage({ initial }: { initial: GenerationView }) {
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
        handlers={detailHandlers(actions, clip, tags, setClip)}
      />
      <DeleteClipConfirm actions={actions} />
    </>
  );
}
