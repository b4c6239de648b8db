"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { BudgetAmountForm } from "@/components/usage/budget-amount-form";
import type { InstanceBudgetView } from "@/lib/shared/budget-views";
import { formatFen } from "@/lib/shared/money";

// Instance admins set or remove the studio-wide daily spending cap (PUT/DELETE /api/admin/budget).

export function InstanceBudgetForm({ initial }: { initial: InstanceBudgetView }) {
  const { t } = useI18n();
  const [limitFen, setLimitFen] = useState<number | null>(initial.limitFen);

  return (
    <section aria-labelledby="instance-budget-title" className="flex flex-col gap-3 rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 id="instance-budget-title" className="text-lg font-semibold">
        {t("usage.instanceCap.title")}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("usage.instanceCap.intro", { tz: initial.timeZone })}</p>
      <p className="text-sm">{t("usage.instanceCap.today", { day: initial.day, amount: formatFen(initial.spentFen) })}</p>
      <p className="text-sm">{limitFen === null ? t("usage.instanceCap.none") : t("usage.instanceCap.current", { amount: formatFen(limitFen) })}</p>
      <BudgetAmountForm
        url="/api/admin/budget"
        budgetKey={{}}
        inputId="instance-budget-amount"
        label={t("usage.instanceCap.label")}
        hint={t("usage.budgets.intro")}
        current={limitFen}
        placeholder={t("usage.unlimited")}
        onSaved={setLimitFen}
      />
    </section>
  );
}
