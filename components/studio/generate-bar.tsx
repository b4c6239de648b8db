"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { GenerationView } from "@/lib/shared/generation-view";
import { formatFen } from "@/lib/shared/money";
import type { SubmitPhase } from "./use-submit-generation";
import { BudgetsLeft } from "./budgets-left";
import { useBudgetsLeft } from "./use-budgets-left";
import { useModKeyLabel } from "./use-shortcut-label";

/**
 * Generate button with its cost, the keyboard shortcut, upload/sending progress and the outcome
 * (queued with a link to the clip, or the error). Space for the status line is reserved (no shift).
 */
export function GenerateBar({
  phase,
  uploadProgress,
  priceFen,
  takes = 1,
  accepted,
  formError,
}: {
  phase: SubmitPhase;
  uploadProgress: number | null;
  priceFen: number;
  /** Takes per Generate (1–4): the button shows their total price. */
  takes?: number;
  accepted: GenerationView | null;
  formError?: string;
}) {
  const { t } = useI18n();
  const mod = useModKeyLabel();
  const busy = phase !== "idle";
  const pct = Math.round((uploadProgress ?? 0) * 100);
  const budgets = useBudgetsLeft(accepted?.id ?? null);
  return (
    <div className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" aria-disabled={busy || undefined} className="min-h-11 min-w-44 aria-disabled:cursor-progress aria-disabled:opacity-80" data-testid="generate">
          {phase === "uploading"
            ? t("studio.submit.uploading", { pct })
            : phase === "sending"
              ? t("studio.submit.sending")
              : takes > 1
                ? t("studio.submit.generateTakes", { count: takes, price: formatFen(priceFen * takes) })
                : t("studio.submit.generate", { price: formatFen(priceFen) })}
        </Button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          <kbd className="rounded border border-zinc-300 px-1 font-sans dark:border-zinc-700">{mod}</kbd>+
          <kbd className="rounded border border-zinc-300 px-1 font-sans dark:border-zinc-700">Enter</kbd> {t("studio.submit.shortcut")}
        </span>
      </div>
      <BudgetsLeft view={budgets} priceFen={priceFen * takes} />
      <div className="min-h-6">
        {phase === "uploading" && uploadProgress !== null ? (
          <ProgressBar className="max-w-xs" value={pct} label={t("studio.submit.uploadProgress")} />
        ) : formError ? (
          <p className="text-sm text-red-700 dark:text-red-400" data-testid="form-error">
            {formError}
          </p>
        ) : accepted ? (
          <p className="text-sm text-emerald-800 dark:text-emerald-300" data-testid="submit-success">
            ✓ {t("studio.submit.queued")}{" "}
            <a href={`#clip-${accepted.id}`} className="font-medium underline underline-offset-2">
              {t("studio.submit.seeClip")}
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
