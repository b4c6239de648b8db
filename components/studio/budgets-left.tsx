"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { BudgetLeft, BudgetsLeftView } from "@/lib/shared/budget-views";
import { formatFen } from "@/lib/shared/money";

const LABEL = {
  MEMBER_MONTHLY: "studio.budget.member",
  TEAM_MONTHLY: "studio.budget.team",
  INSTANCE_DAILY: "studio.budget.instance",
} as const satisfies Record<BudgetLeft["scope"], string>;

/**
 * The budgets left, beside Generate, before the click: each limited budget with its remainder, and a
 * plain warning when the next clip would not fit (the submit would be refused with the same budget's name).
 */
export function BudgetsLeft({ view, priceFen }: { view: BudgetsLeftView | null; priceFen: number }) {
  const { t } = useI18n();
  if (!view) return null;
  if (view.items.length === 0) {
    return (
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="budgets-left">
        {t("studio.budget.none")}
      </p>
    );
  }
  const short = view.items.find((i) => i.remainingFen < priceFen);
  return (
    <div className="flex flex-col gap-0.5 text-xs" data-testid="budgets-left">
      <p className="text-zinc-700 dark:text-zinc-300">
        <span className="font-medium">{t("studio.budget.left")}</span>{" "}
        {view.items.map((i, n) => (
          <span key={i.scope} data-scope={i.scope}>
            {n > 0 && " · "}
            {t(LABEL[i.scope], { amount: formatFen(i.remainingFen) })}
          </span>
        ))}
      </p>
      {short && (
        <p className="font-medium text-amber-800 dark:text-amber-300" role="status" data-testid="budget-short">
          {t("studio.budget.short", { budget: t(LABEL[short.scope], { amount: formatFen(short.remainingFen) }), price: formatFen(priceFen) })}
        </p>
      )}
    </div>
  );
}
