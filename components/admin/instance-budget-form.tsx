"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fenToInput, formatFen } from "@/lib/shared/money";
import { useBudgetSave } from "@/components/usage/use-budget-save";
import type { InstanceBudgetView } from "@/lib/server/budgets/budget-settings";

// Instance admins set or remove the studio-wide daily spending cap (PUT/DELETE /api/admin/budget).

export function InstanceBudgetForm({ initial }: { initial: InstanceBudgetView }) {
  const { t } = useI18n();
  const [limitFen, setLimitFen] = useState<number | null>(initial.limitFen);
  const { error, status, busy, save, clear } = useBudgetSave("/api/admin/budget", (fen) => (fen === undefined ? {} : { limitFen: fen }), setLimitFen);

  return (
    <section aria-labelledby="instance-budget-title" className="flex flex-col gap-3 rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 id="instance-budget-title" className="text-lg font-semibold">
        {t("usage.instanceCap.title")}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("usage.instanceCap.intro", { tz: initial.timeZone })}</p>
      <p className="text-sm">{t("usage.instanceCap.today", { day: initial.day, amount: formatFen(initial.spentFen) })}</p>
      <p className="text-sm">{limitFen === null ? t("usage.instanceCap.none") : t("usage.instanceCap.current", { amount: formatFen(limitFen) })}</p>
      <form onSubmit={save} noValidate className="flex flex-col gap-2">
        <Field
          id="instance-budget-amount"
          name="amount"
          label={t("usage.instanceCap.label")}
          hint={t("usage.budgets.intro")}
          error={error || undefined}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={fenToInput(initial.limitFen)}
          placeholder={t("usage.unlimited")}
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={busy}>
            {t("usage.budgets.save")}
          </Button>
          {limitFen !== null && (
            <Button type="button" variant="secondary" disabled={busy} onClick={clear}>
              {t("usage.budgets.clear")}
            </Button>
          )}
          <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}
