"use client";
import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fenToInput } from "@/lib/shared/money";
import { type BudgetKey, useBudgetSave } from "./use-budget-save";

/**
 * One budget amount: the yuan input (with its hint and error), Save, Remove while a limit is set, and
 * the status line. The team budgets on the usage page and the instance daily cap on the admin page
 * are both this form; they differ only in the route, the key they send and the words around it.
 */
export function BudgetAmountForm({
  url,
  budgetKey,
  label,
  hint,
  current,
  placeholder,
  inputId,
  framed = false,
  onSaved,
}: {
  url: string;
  budgetKey: BudgetKey;
  label: string;
  hint: string;
  /** The limit in force (fen; null = none): the input's starting text, and whether Remove is offered. */
  current: number | null;
  placeholder?: string;
  inputId?: string;
  /** A bordered box, for forms shown side by side in a grid. */
  framed?: boolean;
  onSaved?: (limitFen: number | null) => void;
}) {
  const { t } = useI18n();
  const autoId = useId();
  const { error, status, busy, save, clear } = useBudgetSave(url, budgetKey, onSaved);
  return (
    <form onSubmit={save} noValidate className={`flex flex-col gap-2${framed ? " rounded-md border border-zinc-200 p-3 dark:border-zinc-800" : ""}`}>
      <Field
        id={inputId ?? `${autoId}-amount`}
        name="amount"
        label={label}
        hint={hint}
        error={error || undefined}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={fenToInput(current)}
        placeholder={placeholder}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={busy}>
          {t("usage.budgets.save")}
        </Button>
        {current !== null && (
          <Button type="button" variant="secondary" disabled={busy} onClick={clear}>
            {t("usage.budgets.clear")}
          </Button>
        )}
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
      </div>
    </form>
  );
}
