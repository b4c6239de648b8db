"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { clipTiming } from "@/components/studio/clip-progress";
import { StatusChip } from "@/components/studio/status-chip";
import { useNow } from "@/components/studio/use-now";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { IntentKey } from "@/lib/client/idempotency";
import type { TakesEstimate } from "@/lib/shared/film/film-views";
import { isTerminal } from "@/lib/shared/generation-lifecycle";
import type { GenerationView } from "@/lib/shared/generation-view";
import { formatFen } from "@/lib/shared/money";
import { chooseTake, estimateTakes, getFilm, makeTakes } from "./film-api";
import { CompareTakes } from "@/components/takes/compare-takes";
import { NoticeLine, useAction } from "./use-action";
import type { ShotPanelProps } from "./shot-panel-props";

/** Makes takes of the shot (price first, from the estimate route), lists them live, compares two, chooses one. */
export function TakesPanel({ film, shot, takes, canEdit, onFilm }: ShotPanelProps) {
  const { locale, t } = useI18n();
  const id = useId();
  const { run, notice, busy, errorText } = useAction();
  const [count, setCount] = useState(1);
  const [estimate, setEstimate] = useState<TakesEstimate | null>(null);
  const [estimateError, setEstimateError] = useState<string | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const intent = useRef(new IntentKey());
  const running = shot.takes.some((tk) => !isTerminal(tk.status));
  const now = useNow(running);

  useEffect(() => {
    if (!canEdit) return;
    let live = true;
    estimateTakes(shot.id, count).then(
      (e) => live && (setEstimate(e), setEstimateError(null)),
      (e: unknown) => live && (setEstimate(null), setEstimateError(errorText(e))),
    );
    return () => {
      live = false;
    };
  }, [canEdit, count, errorText, shot.id, locale]);

  async function make() {
    const key = intent.current.for({ shot: shot.id, count });
    const r = await run("films.takes.making", (x: { created: number }) => t("films.takes.made", { count: x.created }), () => makeTakes(shot.id, count, key));
    if (!r) return;
    intent.current.reset();
    // The answer names the new takes only: the film (statuses, chosen take) is read again.
    const f = await getFilm(film.id).catch(() => null);
    if (f) onFilm(f.film);
  }

  async function choose(takeId: string, n: number) {
    const r = await run("films.busy.saving", () => t("films.takes.chosen", { n }), () => chooseTake(shot.id, takeId));
    if (r) onFilm(r.film);
  }

  function toggleCompare(takeId: string) {
    setCompare((c) => (c.includes(takeId) ? c.filter((x) => x !== takeId) : [...c.slice(-1), takeId]));
  }

  const list = shot.takes;
  const pair = compare.map((c) => takes.get(c)).filter((v): v is GenerationView => v !== undefined);
  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-3" data-testid="takes-panel">
      <h3 id={`${id}-h`} className="text-base font-semibold">
        {t("films.takes.title")}
      </h3>
      {canEdit && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-count`} className="text-sm font-medium">
              {t("films.takes.count")}
            </label>
            <select id={`${id}-count`} value={count} onChange={(e) => setCount(Number(e.target.value))} className="rounded-md border border-zinc-400 bg-white px-3 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900">
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <Button type="button" onClick={() => void make()} disabled={busy || !estimate} data-testid="make-takes">
            {estimate ? t("films.takes.make", { count, price: formatFen(estimate.totalFen) }) : t("films.takes.makePlain", { count })}
          </Button>
          {estimate && (
            <p className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="takes-estimate">
              {t("films.takes.unit", { unit: formatFen(estimate.unitFen), count, total: formatFen(estimate.totalFen) })}
            </p>
          )}
          {estimateError && <p className="text-xs text-red-700 dark:text-red-400">{estimateError}</p>}
        </div>
      )}
      <NoticeLine notice={notice} testId="takes-notice" />
      {list.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("films.takes.none")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="take-list">
          {list.map((tk, i) => {
            const view = takes.get(tk.id);
            const chosen = tk.id === shot.chosenTakeId;
            const timing = view ? clipTiming(view, now) : null;
            const n = i + 1;
            return (
              <li key={tk.id} className="flex flex-col gap-1.5 rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="take" data-take-id={tk.id} data-status={tk.status}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-sm font-semibold">{t("films.takes.name", { n })}</span>
                  <StatusChip status={tk.status} />
                  <span className="text-xs text-zinc-700 dark:text-zinc-300">{formatFen(tk.costFen)}</span>
                  {chosen && <span className="text-xs font-semibold text-emerald-800 dark:text-emerald-300">{t("films.takes.isChosen")}</span>}
                </div>
                {timing && !isTerminal(tk.status) && (
                  <ProgressBar value={timing.progress * 100} label={t("films.takes.progress", { n })} valueText={`${Math.round(timing.progress * 100)} %`} />
                )}
                {view?.errorMessage && <p className="text-xs text-red-700 dark:text-red-400">{view.errorMessage[locale]}</p>}
                <div className="flex flex-wrap gap-3">
                  <label className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" checked={compare.includes(tk.id)} disabled={tk.status !== "STORED"} onChange={() => toggleCompare(tk.id)} />
                    {t("films.takes.compare", { n })}
                  </label>
                  {canEdit && !chosen && (
                    <Button type="button" variant="secondary" className="!px-2 !py-1" disabled={busy || (isTerminal(tk.status) && tk.status !== "STORED")} onClick={() => void choose(tk.id, n)}>
                      {t("films.takes.choose", { n })}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {pair.length === 2 && <CompareTakes a={pair[0]!} b={pair[1]!} labels={compare.map((c) => t("films.takes.name", { n: list.findIndex((x) => x.id === c) + 1 }))} />}
    </section>
  );
}
