"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { TeamBudgetView } from "@/lib/shared/budget-views";
import { formatFen } from "@/lib/shared/money";
import { BudgetAmountForm } from "./budget-amount-form";
import { limitText } from "./limit-text";

// Budget editor of the usage page (owners and admins): the team's monthly budget, the default per
// member and per-member overrides. Amounts are typed in yuan (two decimals) and sent as fen; the
// server re-validates everything and records each change in the audit log.

export function BudgetEditor({ teamId, view }: { teamId: string; view: TeamBudgetView }) {
  const { t } = useI18n();
  const url = `/api/teams/${encodeURIComponent(teamId)}/budgets`;
  return (
    <section aria-labelledby="budget-editor" className="flex flex-col gap-3">
      <h2 id="budget-editor" className="text-lg font-semibold">
        {t("usage.budgets.title")}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("usage.budgets.intro")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <BudgetAmountForm
          framed
          url={url}
          budgetKey={{ scope: "TEAM_MONTHLY", userId: null }}
          label={t("usage.budgets.team")}
          current={view.teamMonthlyFen}
          hint={t("usage.budgets.current", { amount: limitText(view.teamMonthlyFen, t) })}
          placeholder={t("usage.unlimited")}
        />
        <BudgetAmountForm
          framed
          url={url}
          budgetKey={{ scope: "MEMBER_MONTHLY", userId: null }}
          label={t("usage.budgets.memberDefault")}
          current={view.memberDefaultFen}
          hint={t("usage.budgets.current", { amount: limitText(view.memberDefaultFen, t) })}
          placeholder={t("usage.unlimited")}
        />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium">{t("usage.budgets.overrides")}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {view.members.map((m) => (
            <BudgetAmountForm
              key={m.userId}
              framed
              url={url}
              budgetKey={{ scope: "MEMBER_MONTHLY", userId: m.userId }}
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
