import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/shared/money";
import type { UsageReport } from "@/lib/shared/usage-report-view";

// Spend per member per day as a stacked SVG bar chart (server-rendered, no JS). Accessible: the SVG is
// one image with a summary as its name, the legend is a list, and the exact numbers are in a table in
// a <details> right below. Colours: the Okabe–Ito palette (distinguishable with the common colour
// vision deficiencies); segments are outlined so neighbours stay apart in light and dark mode. More
// than seven people with spend: the rest share one grey "others" series.

const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];
const OTHERS = "#8C8C8C";
const W = 400;
const H = 220;
const M = { top: 10, right: 8, bottom: 26, left: 64 };
// Font size in viewBox units: larger on phones, where the chart is drawn at less than its viewBox width.
const AXIS_TEXT = "text-[14px] sm:text-[9px]";

interface Series {
  key: string;
  label: string;
  color: string;
  perDay: Record<string, number>;
  total: number;
}

function niceMax(v: number): number {
  if (v <= 0) return 100;
  const mag = 10 ** Math.floor(Math.log10(v));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * mag >= v) return f * mag;
  return 10 * mag;
}

export function UsageChart({ report, monthLabel, t }: { report: UsageReport; monthLabel: string; t: Translate }) {
  const active = report.members.filter((m) => m.totalFen !== 0 || Object.values(m.perDay).some((v) => v !== 0));
  active.sort((a, b) => b.totalFen - a.totalFen);
  const nameOf = (m: (typeof active)[number]) => (m.member ? (m.name ?? m.email) : t("usage.members.former", { name: m.name ?? m.email }));
  const series: Series[] = active.slice(0, PALETTE.length).map((m, i) => ({ key: m.userId, label: nameOf(m), color: PALETTE[i]!, perDay: m.perDay, total: m.totalFen }));
  const rest = active.slice(PALETTE.length);
  if (rest.length) {
    const perDay: Record<string, number> = {};
    for (const d of report.days) perDay[d] = rest.reduce((s, m) => s + (m.perDay[d] ?? 0), 0);
    series.push({ key: "others", label: t("usage.chart.others", { count: rest.length }), color: OTHERS, perDay, total: rest.reduce((s, m) => s + m.totalFen, 0) });
  }

  const dayTotals = report.days.map((d) => series.reduce((s, x) => s + (x.perDay[d] ?? 0), 0));
  const stackTops = report.days.map((d) => series.reduce((s, x) => s + Math.max(0, x.perDay[d] ?? 0), 0));
  const max = niceMax(Math.max(0, ...stackTops));
  const total = dayTotals.reduce((a, b) => a + b, 0);
  const peak = dayTotals.reduce((best, v, i) => (v > dayTotals[best]! ? i : best), 0);

  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / report.days.length;
  const barW = Math.max(2, slot * 0.72);
  const y = (fen: number) => M.top + plotH - (fen / max) * plotH;
  const ticks = [0, max / 2, max];
  const labelDays = new Set([0, 4, 9, 14, 19, 24, report.days.length - 1]);

  const aria =
    total === 0 && series.length === 0
      ? t("usage.chart.ariaEmpty", { month: monthLabel })
      : t("usage.chart.aria", {
          month: monthLabel,
          members: series.length,
          total: formatFen(total),
          day: report.days[peak]!,
          amount: formatFen(dayTotals[peak]!),
        });

  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="text-lg font-semibold">{t("usage.chart.title")}</figcaption>
      {series.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">{t("usage.chart.empty")}</p>
      ) : (
        <>
          <svg
            role="img"
            aria-label={aria}
            viewBox={`0 0 ${W} ${H}`}
            className="h-auto w-full max-w-2xl text-zinc-800 dark:text-zinc-200"
            preserveAspectRatio="xMinYMin meet"
          >
            {ticks.map((v) => (
              <g key={v}>
                <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={v === 0 ? 0.8 : 0.25} strokeWidth={1} />
                <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fill="currentColor" className={AXIS_TEXT}>
                  {formatFen(v)}
                </text>
              </g>
            ))}
            {report.days.map((d, i) => {
              let acc = 0;
              const x = M.left + i * slot + (slot - barW) / 2;
              return (
                <g key={d}>
                  {series.map((s) => {
                    const v = Math.max(0, s.perDay[d] ?? 0);
                    if (v === 0) return null;
                    const top = y(acc + v);
                    const h = y(acc) - top;
                    acc += v;
                    return (
                      <rect key={s.key} x={x} y={top} width={barW} height={Math.max(h, 0.5)} fill={s.color} stroke="currentColor" strokeOpacity={0.6} strokeWidth={0.5}>
                        <title>{`${d} · ${s.label}: ${formatFen(s.perDay[d] ?? 0)}`}</title>
                      </rect>
                    );
                  })}
                  {labelDays.has(i) && (
                    <text x={M.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" fill="currentColor" className={AXIS_TEXT}>
                      {Number(d.slice(8))}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          <div>
            <h3 className="sr-only">{t("usage.chart.legend")}</h3>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {series.map((s) => (
                <li key={s.key} className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-zinc-700 dark:border-zinc-300" style={{ backgroundColor: s.color }} />
                  <span className="break-all">{s.label}</span>
                  <span className="text-zinc-700 dark:text-zinc-300">{formatFen(s.total)}</span>
                </li>
              ))}
            </ul>
          </div>
          <details className="text-sm">
            <summary className="cursor-pointer rounded-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              {t("usage.chart.table")}
            </summary>
            {/* A scrollable region must be reachable by keyboard (axe scrollable-region-focusable). */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div role="region" aria-label={t("usage.chart.title")} tabIndex={0} className="mt-2 max-w-full overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
              <table className="min-w-full border-collapse text-left">
                <caption className="sr-only">{t("usage.chart.title")}</caption>
                <thead>
                  <tr className="border-b border-zinc-300 dark:border-zinc-700">
                    <th scope="col" className="px-2 py-1 font-medium">
                      {t("usage.table.day")}
                    </th>
                    {series.map((s) => (
                      <th key={s.key} scope="col" className="px-2 py-1 font-medium">
                        {s.label}
                      </th>
                    ))}
                    <th scope="col" className="px-2 py-1 font-medium">
                      {t("usage.table.total")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.days.map((d, i) => (
                    <tr key={d} className="border-b border-zinc-200 dark:border-zinc-800">
                      <th scope="row" className="whitespace-nowrap px-2 py-1 font-normal">
                        {d}
                      </th>
                      {series.map((s) => (
                        <td key={s.key} className="whitespace-nowrap px-2 py-1 tabular-nums">
                          {formatFen(s.perDay[d] ?? 0)}
                        </td>
                      ))}
                      <td className="whitespace-nowrap px-2 py-1 tabular-nums">{formatFen(dayTotals[i]!)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
