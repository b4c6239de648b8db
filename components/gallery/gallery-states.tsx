"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { PagesState } from "./use-gallery-pages";

/** Loading skeletons, the error state, and the two empty states (nothing yet / nothing matches). */
export function GalleryStates({
  state,
  count,
  filtered,
  onRetry,
  onClear,
}: {
  state: PagesState;
  count: number;
  filtered: boolean;
  onRetry: () => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  if (state === "loading") {
    return (
      <div role="status" aria-live="polite" className="flex flex-col gap-2">
        <span className="sr-only">{t("gallery.loading")}</span>
        <ul aria-hidden="true" className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4" data-testid="gallery-skeleton">
          {Array.from({ length: 8 }, (_, i) => (
            <li key={i} className="flex animate-pulse flex-col overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
              <div className="aspect-video bg-zinc-200 dark:bg-zinc-800" />
              <div className="m-3 h-4 w-3/4 rounded bg-zinc-200 dark:bg-zinc-800" />
              <div className="mx-3 mb-3 h-3 w-1/2 rounded bg-zinc-200 dark:bg-zinc-800" />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (state === "error") {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <p>{t("gallery.loadError")}</p>
        <Button type="button" variant="secondary" onClick={onRetry}>
          {t("gallery.tryAgain")}
        </Button>
      </div>
    );
  }
  if (count > 0) return null;
  return (
    <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700" data-testid="gallery-empty">
      <h2 className="text-lg font-semibold">{t(filtered ? "gallery.noMatch.title" : "gallery.empty.title")}</h2>
      <p className="text-zinc-700 dark:text-zinc-300">{t(filtered ? "gallery.noMatch.body" : "gallery.empty.body")}</p>
      {filtered ? (
        <Button type="button" variant="secondary" onClick={onClear}>
          {t("gallery.filter.clear")}
        </Button>
      ) : (
        <a href="/" className="font-semibold text-indigo-800 underline dark:text-indigo-300">
          {t("gallery.empty.cta")}
        </a>
      )}
    </div>
  );
}
