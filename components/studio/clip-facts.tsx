"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { formatFen } from "@/lib/shared/money";

/** What every clip is (fixed by the model) and what it costs. */
export function ClipFacts({ priceFen }: { priceFen: number }) {
  const { t } = useI18n();
  return (
    <dl className="flex flex-wrap gap-2 text-xs" aria-label={t("studio.facts.label")}>
      {(
        [
          ["studio.facts.duration", "5 s"],
          ["studio.facts.fps", "24 fps"],
          ["studio.facts.resolution", "1080p"],
        ] as const
      ).map(([key, value]) => (
        <div key={key} className="flex gap-1 rounded-full border border-zinc-300 px-2.5 py-1 dark:border-zinc-700">
          <dt className="sr-only">{t(key)}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
      <div className="flex gap-1 rounded-full border border-emerald-700 bg-emerald-50 px-2.5 py-1 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100">
        <dt>{t("studio.facts.cost")}</dt>
        <dd className="font-semibold tabular-nums" data-testid="clip-price">
          {formatFen(priceFen)}
        </dd>
      </div>
    </dl>
  );
}
