"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { GenerateMissingEstimate } from "@/lib/shared/film/generate-missing-view";
import { formatFen } from "@/lib/shared/money";

/**
 * The film's cost before a batch: what it has spent so far by kind (script, stills, voice, video), how
 * much of that is still only held, and the sum with this batch. A labelled group, so a screen reader
 * reads it as one block beside the batch's own price.
 */
export function FilmSpendSummary({ estimate }: { estimate: GenerateMissingEstimate }) {
  const { t } = useI18n();
  const { spent } = estimate;
  const part = (k: keyof typeof spent.byKind) => formatFen(spent.byKind[k].settledFen + spent.byKind[k].heldFen);
  return (
    <section aria-label={t("films.missing.spentTitle")} className="flex flex-col gap-1 rounded-md border border-zinc-300 p-2 text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300" data-testid="missing-film-spend">
      <p data-testid="missing-spent">
        {t("films.missing.spent", { spent: formatFen(spent.totalFen), script: part("script"), stills: part("stills"), voice: part("voice"), video: part("video") })}
      </p>
      {spent.heldFen > 0 && <p>{t("films.missing.held", { held: formatFen(spent.heldFen) })}</p>}
      <p className="font-medium text-zinc-900 dark:text-zinc-100" data-testid="missing-film-total">
        {t("films.missing.filmTotal", { spent: formatFen(spent.totalFen), batch: formatFen(estimate.totalFen), total: formatFen(estimate.filmTotalFen) })}
      </p>
    </section>
  );
}
