"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { BudgetsLeft } from "@/components/studio/budgets-left";
import { Button } from "@/components/ui/button";
import { ModalFrame } from "@/components/ui/modal-frame";
import { IntentKey } from "@/lib/client/idempotency";
import type { GenerateMissingEstimate } from "@/lib/shared/film/generate-missing-view";
import { formatFen } from "@/lib/shared/money";
import { cancelMissing, estimateMissing, generateMissing } from "./film-api";
import { FilmSpendSummary } from "./film-spend-summary";
import { NoticeLine, useAction } from "./use-action";

/**
 * "Generate missing shots": the estimate first (shots × takes × price, the film's spend so far by kind
 * and with this batch, the budgets left), then one
 * confirmed batch; a started batch can be cancelled (takes not yet sent are refunded).
 */
export function GenerateMissingDialog({ open, filmId, onClose, onStarted }: { open: boolean; filmId: string; onClose: () => void; onStarted: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const { run, notice, busy, errorText, setNotice } = useAction();
  const [takes, setTakes] = useState(1);
  const [estimate, setEstimate] = useState<GenerateMissingEstimate | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const intent = useRef(new IntentKey());

  useEffect(() => {
    if (!open) return;
    let live = true;
    setNotice({ tone: "busy", text: t("films.missing.estimating") });
    estimateMissing(filmId, takes).then(
      (e) => {
        if (!live) return;
        setEstimate(e);
        setNotice(null);
      },
      (e: unknown) => {
        if (!live) return;
        setEstimate(null);
        setNotice({ tone: "error", text: errorText(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [open, filmId, takes, errorText, setNotice, t]);

  async function confirm() {
    if (!estimate) return;
    const key = intent.current.for({ filmId, takes, total: estimate.totalFen });
    const r = await run("films.missing.starting", (x: { takes: unknown[] }) => t("films.missing.started", { count: x.takes.length }), () => generateMissing(filmId, takes, estimate.totalFen, key));
    if (r) {
      intent.current.reset();
      setBatchId(r.batchId);
      onStarted();
    }
  }

  async function cancel() {
    if (!batchId) return;
    const r = await run("films.missing.cancelling", () => t("films.missing.cancelled"), () => cancelMissing(filmId, batchId));
    if (r !== null) {
      setBatchId(null);
      onStarted();
    }
  }

  const shots = estimate?.shots.length ?? 0;
  return (
    <ModalFrame open={open} onDismiss={onClose} initialFocus="[data-autofocus]" title={t("films.missing.title")} body={t("films.missing.body")} testId="generate-missing">
      <div className="mt-4 flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-n`} className="text-sm font-medium">
            {t("films.missing.takes")}
          </label>
          <select id={`${id}-n`} data-autofocus value={takes} onChange={(e) => setTakes(Number(e.target.value))} className="rounded-md border border-zinc-400 bg-white px-3 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900">
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        {estimate && (
          <div className="flex flex-col gap-1 text-sm" data-testid="missing-estimate">
            <p>
              {shots === 0
                ? t("films.missing.none")
                : estimate.priceFen === null
                  ? t("films.missing.sumMixed", { shots, takes: estimate.takesPerShot, total: formatFen(estimate.totalFen) })
                  : t("films.missing.sum", { shots, takes: estimate.takesPerShot, price: formatFen(estimate.priceFen), total: formatFen(estimate.totalFen) })}
            </p>
            {estimate.shots.some((s) => s.chained) && <p className="text-xs text-zinc-700 dark:text-zinc-300">{t("films.missing.chained")}</p>}
            <FilmSpendSummary estimate={estimate} />
            <BudgetsLeft view={estimate.budgets} priceFen={estimate.totalFen} />
            {!estimate.fits && <p className="font-medium text-red-700 dark:text-red-400">{t("films.missing.noFit")}</p>}
          </div>
        )}
        <NoticeLine notice={notice} testId="missing-notice" />
        <div className="flex flex-wrap justify-end gap-2">
          {batchId && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void cancel()}>
              {t("films.missing.cancel")}
            </Button>
          )}
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("films.close")}
          </Button>
          <Button type="button" disabled={busy || !estimate || shots === 0 || !estimate.fits || batchId !== null} onClick={() => void confirm()}>
            {estimate ? t("films.missing.confirm", { total: formatFen(estimate.totalFen) }) : t("films.missing.confirmPlain")}
          </Button>
        </div>
      </div>
    </ModalFrame>
  );
}
