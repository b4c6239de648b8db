import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/shared/money";
import type { UsageReport } from "@/lib/shared/usage-report-view";
import { limitText } from "./limit-text";

// Remaining budget figures, the members table and the per-mode table of the usage page. Tables stack
// into labelled blocks below the sm breakpoint so the page never scrolls sideways at 375 px.

const cell = "flex justify-between gap-3 px-2 py-1 sm:table-cell sm:py-2";
const label = "text-zinc-700 sm:hidden dark:text-zinc-300";

export function UsageSummary({ report, monthLabel, t }: { report: UsageReport; monthLabel: string; t: Translate }) {
  const lim = (v: number | null) => limitText(v, t);
  const cards = [
    {
      key: "team",
      title: report.currentMonth ? t("usage.team.title") : t("usage.team.titlePast", { month: monthLabel }),
      rows: [
        [t("usage.spent"), formatFen(report.team.spentFen)],
        [t("usage.limit"), lim(report.team.limitFen)],
        [t("usage.remaining"), lim(report.team.remainingFen)],
      ],
    },
    {
      key: "instance",
      title: `${t("usage.instance.title")} · ${report.instanceToday.day}`,
      rows: [
        [t("usage.spent"), formatFen(report.instanceToday.spentFen)],
        [t("usage.limit"), lim(report.instanceToday.limitFen)],
        [t("usage.remaining"), lim(report.instanceToday.remainingFen)],
      ],
    },
  ];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {cards.map((c) => (
        <section key={c.key} aria-labelledby={`usage-card-${c.key}`} className="rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
          <h3 id={`usage-card-${c.key}`} className="font-semibold">
            {c.title}
          </h3>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {c.rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-zinc-700 dark:text-zinc-300">{k}</dt>
                <dd className="text-right font-medium tabular-nums">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

export function UsageMembersTable({ report, t }: { report: UsageReport; t: Translate }) {
  const lim = (v: number | null) => limitText(v, t);
  const heads = [t("usage.clips"), t("usage.spent"), t("usage.limit"), t("usage.remaining")];
  return (
    <section aria-labelledby="usage-members" className="flex flex-col gap-2">
      <h2 id="usage-members" className="text-lg font-semibold">
        {t("usage.members.title")}
      </h2>
      {report.members.length === 0 ? (
        <p>{t("usage.members.empty")}</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <thead className="hidden sm:table-header-group">
            <tr className="border-b border-zinc-300 dark:border-zinc-700">
              <th scope="col" className="px-2 py-2 font-medium">
                {t("usage.members.member")}
              </th>
              {heads.map((h) => (
                <th key={h} scope="col" className="px-2 py-2 text-right font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.members.map((m) => {
              const name = m.name ?? m.email;
              const values = [String(m.clips), formatFen(m.totalFen), m.member ? lim(m.limitFen) : "—", m.member ? lim(m.remainingFen) : "—"];
              return (
                <tr key={m.userId} className="block border-b border-zinc-200 py-1 sm:table-row dark:border-zinc-800">
                  <th scope="row" className="block px-2 py-1 text-left font-medium sm:table-cell sm:py-2">
                    <span className="break-all">{m.member ? name : t("usage.members.former", { name })}</span>
                    {m.name && <span className="block break-all text-xs font-normal text-zinc-700 dark:text-zinc-300">{m.email}</span>}
                  </th>
                  {values.map((v, i) => (
                    <td key={heads[i]} className={`${cell} tabular-nums sm:text-right`}>
                      <span className={label}>{heads[i]}</span>
                      <span>{v}</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A small spend table: one row per entry, an optional count column, then the amount spent. */
function SpendTable({ labelledBy, head, countHead, spentHead, rows }: { labelledBy: string; head: string; countHead?: string; spentHead: string; rows: { key: string; label: string; count?: number; fen: number }[] }) {
  return (
    <table aria-labelledby={labelledBy} className="w-full max-w-md border-collapse text-left text-sm">
      <thead>
        <tr className="border-b border-zinc-300 dark:border-zinc-700">
          <th scope="col" className="px-2 py-2 font-medium">
            {head}
          </th>
          {countHead ? (
            <th scope="col" className="px-2 py-2 text-right font-medium">
              {countHead}
            </th>
          ) : null}
          <th scope="col" className="px-2 py-2 text-right font-medium">
            {spentHead}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="row" className="px-2 py-2 font-normal">
              {r.label}
            </th>
            {countHead ? <td className="px-2 py-2 text-right tabular-nums">{r.count}</td> : null}
            <td className="px-2 py-2 text-right tabular-nums">{formatFen(r.fen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UsageModesTable({ report, t }: { report: UsageReport; t: Translate }) {
  return (
    <section aria-labelledby="usage-modes" className="flex flex-col gap-2">
      <h2 id="usage-modes" className="text-lg font-semibold">
        {t("usage.mode.title")}
      </h2>
      <SpendTable
        labelledBy="usage-modes"
        head={t("usage.mode.mode")}
        countHead={t("usage.clips")}
        spentHead={t("usage.spent")}
        rows={report.perMode.map((p) => ({ key: p.mode, label: t(`usage.mode.${p.mode}`), count: p.clips, fen: p.fen }))}
      />
      <h2 id="usage-kinds" className="mt-4 text-lg font-semibold">
        {t("usage.kind.title")}
      </h2>
      <SpendTable
        labelledBy="usage-kinds"
        head={t("usage.kind.kind")}
        spentHead={t("usage.spent")}
        rows={report.perKind.map((k) => ({ key: k.kind, label: t(`usage.kind.${k.kind}`), fen: k.fen }))}
      />
    </section>
  );
}
