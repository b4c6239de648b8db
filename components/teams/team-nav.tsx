"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/translate";
import { roleAllows, type TeamRole } from "@/lib/shared/team-roles";

/** The header of every team page: the team's name and its sub-navigation (Members, Usage, Audit log).
 *  Usage and Audit log are shown to the roles the role table lets see them (the pages check again). */
export function TeamNav({ teamId, teamName, role }: { teamId: string; teamName: string; role: TeamRole }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const base = `/teams/${teamId}`;
  const links: { href: string; key: MessageKey }[] = [
    { href: base, key: "teams.nav.members" },
    ...(roleAllows(role, "team.viewUsage") ? [{ href: `${base}/usage`, key: "teams.nav.usage" as const }] : []),
    ...(roleAllows(role, "team.viewAudit") ? [{ href: `${base}/audit`, key: "teams.nav.audit" as const }] : []),
  ];
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="break-words text-2xl font-semibold">{teamName}</h1>
        <span className="text-sm text-zinc-700 dark:text-zinc-300">{t(`teams.role.${role}`)}</span>
      </div>
      <nav aria-label={t("teams.nav.label")} className="overflow-x-auto">
        <ul className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
          {links.map((l) => {
            const current = pathname === l.href;
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={current ? "page" : undefined}
                  className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
                    current
                      ? "border-indigo-700 text-zinc-950 dark:border-indigo-300 dark:text-zinc-50"
                      : "border-transparent text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-zinc-50"
                  }`}
                >
                  {t(l.key)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
