"use client";
import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { TeamBudgetView } from "@/lib/server/budgets/budget-settings";
import { fenToInput, formatFen } from "@/lib/shared/money";
import { useBudgetSave } from "./use-budget-save";

// Budget editor of the usage page (owners and admins): the team's monthly budget, the default per
// member and per-member overrides. Amounts are typed in yuan (two decimals) and sent as fen; the
// server re-validates everything and records each change in the audit log.

type Key = { scope: "TEAM_MONTHLY" | "MEMBER_MONTHLY"; userId: string | null };

function BudgetRow({ teamId, k, label, current, hint, placeholder }: { teamId: string; k: Key; label: string; current: number | null; hint: string; placeholder?: string }) {
  const { t } = useI18n();
  const id = useId();
  const url = `/api/teams/${encodeURIComponent(teamId)}/budgets`;
  const { error, status, busy, save, clear } = useBudgetSave(url, (limitFen) => (limitFen === undefined ? k : { ...k, limitFen }));

  return (
    <form onSubmit={save} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" noValidate>
      <Field
        id={`${id}-amount`}
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

export function BudgetEditor({ teamId, view }: { teamId: string; view: TeamBudgetView }) {
  const { t } = useI18n();
  const lim = (v: number | null) => (v === null ? t("usage.unlimited") : formatFen(v));
  return (
    <section aria-labelledby="budget-editor" className="flex flex-col gap-3">
      <h2 id="budget-editor" className="text-lg font-semibold">
        {t("usage.budgets.title")}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("usage.budgets.intro")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <BudgetRow
          teamId={teamId}
          k={{ scope: "TEAM_MONTHLY", userId: null }}
          label={t("usage.budgets.team")}
          current={view.teamMonthlyFen}
          hint={t("usage.budgets.current", { amount: lim(view.teamMonthlyFen) })}
          placeholder={t("usage.unlimited")}
        />
        <BudgetRow
          teamId={teamId}
          k={{ scope: "MEMBER_MONTHLY", userId: null }}
          label={t("usage.budgets.memberDefault")}
          current={view.memberDefaultFen}
          hint={t("usage.budgets.current", { amount: lim(view.memberDefaultFen) })}
          placeholder={t("usage.unlimited")}
        />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium">{t("usage.budgets.overrides")}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {view.members.map((m) => (
            <BudgetRow
              key={m.userId}
              teamId={teamId}
              k={{ scope: "MEMBER_MONTHLY", userId: m.userId }}
              label={t("usage.budgets.overrideFor", { name: m.name ?? m.email })}
              current={m.overrideFen}
              hint={
                m.overrideFen !== null
                  ? t("usage.budgets.current", { amount: formatFen(m.overrideFen) })
                  : view.memberDefaultFen === null
                    ? t("usage.budgets.usesNone")
                    : t("usage.budgets.usesDefault", { amount: formatFen(view.memberDefaultFen) })
              }
            />
          ))}
        </div>
      </fieldset>
    </section>
  );
}
