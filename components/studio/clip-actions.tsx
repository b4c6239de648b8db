"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useAnnounce } from "@/components/ui/live-region";
import { apiFetch } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import { newIdempotencyKey } from "@/lib/client/idempotency";
import { useClipRights } from "@/lib/client/workspace-context";
import type { GenerationView } from "@/lib/shared/generation-view";
import { CANCELLABLE, ENDED_WITHOUT_VIDEO, isIn, RETRYABLE } from "@/lib/shared/generation-lifecycle";
import { ActionButton } from "@/components/ui/action-button";


function viewOf(body: unknown): GenerationView | null {
  if (!body || typeof body !== "object") return null;
  const b = body as { generation?: GenerationView; id?: string; status?: string; updatedAt?: string };
  if (b.generation) return b.generation;
  return b.id && b.status && b.updatedAt ? (body as GenerationView) : null;
}

/** Cancel (while queued), retry (failed kinds → a new clip; a refused prompt opens for editing instead), download (stored). */
export function ClipActions({ clip, onUpdate }: { clip: GenerationView; onUpdate: (views: GenerationView[]) => void }) {
  const { locale, t } = useI18n();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<"cancel" | "retry" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const retryKey = useRef<string | null>(null);
  const may = useClipRights(clip);

  async function run(kind: "cancel" | "retry") {
    if (busy) return;
    setBusy(kind);
    setError(null);
    try {
      if (kind === "retry") retryKey.current ??= newIdempotencyKey();
      const body = await apiFetch<unknown>(`/api/generations/${encodeURIComponent(clip.id)}/${kind}`, {
        method: "POST",
        headers: kind === "retry" && retryKey.current ? { "Idempotency-Key": retryKey.current } : undefined,
      });
      if (kind === "retry") retryKey.current = null;
      const view = viewOf(body);
      if (view) onUpdate([view]);
      announce(t(kind === "retry" ? "studio.clip.retried" : "studio.clip.cancelled"));
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e);
        announce(e.status === 0 ? t("studio.error.network") : e.localized(locale), "assertive");
      }
    } finally {
      setBusy(null);
    }
  }

  const video = clip.media.video;
  const btn =
    "inline-flex min-h-9 items-center rounded-md border px-3 py-1.5 text-sm font-semibold disabled:cursor-progress disabled:opacity-70";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {clip.status === "STORED" && video && (
        <a
          href={video.downloadUrl}
          download
          className={`${btn} border-zinc-400 text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800`}
        >
          {t("studio.clip.download")}
        </a>
      )}
      {!isIn(ENDED_WITHOUT_VIDEO, clip.status) && may.retry && (
        <Link
          href={`/?continue=${encodeURIComponent(clip.id)}`}
          className={`${btn} border-zinc-400 text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800`}
          data-testid="continue"
        >
          {t("studio.clip.continue")}
        </Link>
      )}
      {isIn(CANCELLABLE, clip.status) && (
        <ActionButton
          type="button"
          onClick={() => void run("cancel")}
          disabled={busy !== null}
          className={`${btn} border-zinc-400 text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800`}
        >
          {busy === "cancel" ? t("studio.clip.cancelling") : t("studio.clip.cancel")}
        </ActionButton>
      )}
      {clip.status === "REJECTED" && may.retry && (
        <Link
          href={`/?remix=${encodeURIComponent(clip.id)}`}
          className={`${btn} border-indigo-700 bg-indigo-700 text-white hover:bg-indigo-800 dark:border-indigo-300 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200`}
          data-testid="edit-retry"
        >
          {t("studio.clip.editRetry")}
        </Link>
      )}
      {isIn(RETRYABLE, clip.status) && clip.status !== "REJECTED" && (
        <ActionButton
          type="button"
          onClick={() => void run("retry")}
          disabled={busy !== null}
          className={`${btn} border-indigo-700 bg-indigo-700 text-white hover:bg-indigo-800 dark:border-indigo-300 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200`}
        >
          {busy === "retry" ? t("studio.clip.retrying") : t("studio.clip.retry")}
        </ActionButton>
      )}
      {error && (
        <p role="alert" className="basis-full text-sm text-red-700 dark:text-red-400">
          {error.status === 0 ? t("studio.error.network") : error.localized(locale)}
        </p>
      )}
    </div>
  );
}
