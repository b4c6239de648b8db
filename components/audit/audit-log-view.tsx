import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { AUDIT_ACTIONS, type AuditPage } from "@/lib/shared/audit-views";
import { actionLabel, AuditDetails, AuditTarget, type When } from "./audit-details";

// The audit page's filter form (a plain GET form: works without JavaScript) and the event table.
// Below the sm breakpoint each row stacks into labelled lines so 375 px never scrolls sideways.

const control = "w-full min-w-0 rounded-md border border-zinc-400 bg-white px-3 py-2 text-base dark:border-zinc-600 dark:bg-zinc-900";
const linkClass =
  "rounded-md px-3 py-2 text-sm font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-200";

export function AuditFilters({
  action,
  filters,
  members,
  t,
}: {
  action: string;
  filters: Partial<Record<"action" | "actorId" | "from" | "to", string>>;
  members: { userId: string; label: string }[];
  t: Translate;
}) {
  const actorKnown = !filters.actorId || members.some((m) => m.userId === filters.actorId);
  return (
    <form method="get" action={action} aria-labelledby="audit-filter-title" className="flex flex-col gap-3 rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 id="audit-filter-title" className="font-semibold">
        {t("audit.filter.title")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">
            {t("audit.filter.action")}
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={control}>
            <option value="">{t("audit.filter.anyAction")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">
            {t("audit.filter.actor")}
          </label>
          <select id="audit-actor" name="actorId" defaultValue={filters.actorId ?? ""} className={control}>
            <option value="">{t("audit.filter.anyone")}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.label}
              </option>
            ))}
            {!actorKnown && <option value={filters.actorId}>{filters.actorId}</option>}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-from" className="text-sm font-medium">
            {t("audit.filter.from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={control} />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-to" className="text-sm font-medium">
            {t("audit.filter.to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={control} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {/* eslint-disable-next-line no-restricted-syntax -- a real GET form: it works before (and without) the page's script */}
        <button
          type="submit"
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200"
        >
          {t("audit.filter.apply")}
        </button>
        <Link href={action} className={linkClass}>
          {t("audit.filter.reset")}
        </Link>
      </div>
    </form>
  );
}

export function AuditTable({
  page,
  when,
  moreHref,
  newestHref,
  t,
}: {
  page: AuditPage;
  /** Instants in the viewer's zone (getFormatTime). */
  when: When;
  moreHref: string | null;
  newestHref: string | null;
  t: Translate;
}) {
  const heads = [t("audit.col.when"), t("audit.col.actor"), t("audit.col.action"), t("audit.col.target"), t("audit.col.details")];
  const cell = "flex flex-col gap-0.5 px-2 py-1 align-top sm:table-cell sm:py-2";
  const label = "text-xs text-zinc-700 sm:hidden dark:text-zinc-300";
  return (
    <div className="flex flex-col gap-3">
      {page.events.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("audit.title")}</caption>
          <thead className="hidden sm:table-header-group">
            <tr className="border-b border-zinc-300 dark:border-zinc-700">
              {heads.map((h) => (
                <th key={h} scope="col" className="px-2 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.events.map((e) => {
              const values = [
                <time key="w" dateTime={e.createdAt} className="whitespace-nowrap">
                  {when(e.createdAt)}
                </time>,
                <span key="a" className="break-all">
                  {e.actor ? (e.actor.name ?? e.actor.email) : t("audit.system")}
                </span>,
                <span key="c">{actionLabel(e.action, t)}</span>,
                <span key="t" className="break-words">
                  <AuditTarget e={e} t={t} />
                </span>,
                <div key="d" className="break-words" data-testid="audit-details">
                  <AuditDetails e={e} t={t} when={when} />
                </div>,
              ];
              return (
                <tr key={e.id} className="block border-b border-zinc-200 py-1 sm:table-row dark:border-zinc-800">
                  {values.map((v, i) => (
                    <td key={heads[i]} className={cell}>
                      <span className={label}>{heads[i]}</span>
                      {v}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="flex flex-wrap gap-2">
        {newestHref && (
          <Link href={newestHref} className={linkClass}>
            {t("audit.newest")}
          </Link>
        )}
        {moreHref && (
          <Link href={moreHref} className={linkClass}>
            {t("audit.more")}
          </Link>
        )}
      </div>
    </div>
  );
}

