import Link from "next/link";
import { TeamForbidden } from "@/components/teams/team-forbidden";
import { TeamNav } from "@/components/teams/team-nav";
import { BudgetEditor } from "@/components/usage/budget-editor";
import { UsageChart } from "@/components/usage/usage-chart";
import { UsageMembersTable, UsageModesTable, UsageSummary } from "@/components/usage/usage-tables";
import { teamBudgetView } from "@/lib/server/budgets/budget-settings";
import { monthSchema, usageReport } from "@/lib/server/budgets/usage-report";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { getTimeZone } from "@/lib/server/locale";
import { can } from "@/lib/server/permissions";
import { teamPageContext } from "@/lib/server/teams/team-page-context";
import { zoneLabel } from "@/lib/shared/time-format";

// Usage of one team (owners and admins): the month's spend per member per day, per mode, what is
// left of each budget, the budget editor and the CSV download. Non-members get a 404; members
// without team.viewUsage see a "not allowed" message and no figures.

export const dynamic = "force-dynamic";

function monthLabelOf(month: string, locale: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 15)));
}

const linkClass =
  "rounded-md px-3 py-2 text-sm font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-200";

export default async function UsagePage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { teamId } = await params;
  const sp = await searchParams;
  const { t, locale } = await getT();
  const { access, role, team } = await teamPageContext(teamId, `/teams/${teamId}/usage`);
  if (!can(access, teamId, "team.viewUsage")) {
    return <TeamForbidden teamId={teamId} teamName={team.name} role={role} message={t("usage.forbidden")} />;
  }

  const parsed = monthSchema.safeParse(typeof sp.month === "string" ? sp.month : undefined);
  const report = await usageReport(db(), teamId, parsed.success ? parsed.data : undefined);
  const budgets = can(access, teamId, "team.manageBudgets") ? await teamBudgetView(db(), teamId) : null;
  const monthLabel = monthLabelOf(report.month, locale);
  const viewerZone = await getTimeZone();
  const q = (m: string) => `/teams/${encodeURIComponent(teamId)}/usage?month=${m}`;

  return (
    <section aria-labelledby="usage-title" className="flex min-w-0 flex-col gap-6">
      <TeamNav teamId={teamId} teamName={team.name} role={role} />
      <header className="flex flex-col gap-2">
        <h2 id="usage-title" className="text-xl font-semibold">
          {t("usage.month.current", { month: monthLabel })}
        </h2>
        <nav aria-label={t("usage.month.nav")} className="flex flex-wrap items-center gap-2">
          <Link href={q(report.prevMonth)} className={linkClass}>
            ← {t("usage.month.prev", { month: monthLabelOf(report.prevMonth, locale) })}
          </Link>
          {!report.currentMonth && (
            <Link href={q(report.nextMonth)} className={linkClass}>
              {t("usage.month.next", { month: monthLabelOf(report.nextMonth, locale) })} →
            </Link>
          )}
          <a href={`/api/teams/${encodeURIComponent(teamId)}/usage/export?month=${report.month}`} download className={`${linkClass} sm:ml-auto`}>
            {t("usage.download", { month: report.month })}
          </a>
        </nav>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {t("usage.timeZone", { tz: report.timeZone })}{" "}
          <span data-testid="time-zone-note">{t("time.shownIn", { zone: zoneLabel(viewerZone, locale) })}</span>{" "}
          {t("usage.note.refunds")}
        </p>
      </header>
      <UsageSummary report={report} monthLabel={monthLabel} t={t} />
      <UsageChart report={report} monthLabel={monthLabel} t={t} />
      <UsageMembersTable report={report} t={t} />
      <UsageModesTable report={report} t={t} />
      {budgets && <BudgetEditor teamId={teamId} view={budgets} />}
    </section>
  );
}
