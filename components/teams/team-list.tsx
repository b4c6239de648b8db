import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import type { TeamSummary } from "@/lib/shared/team-views";
import { CARD, H2, MUTED } from "./styles";

/** My teams: name (link), my role, member count. Server-rendered. */
export function TeamList({ teams, t }: { teams: TeamSummary[]; t: Translate }) {
  return (
    <section aria-labelledby="team-list-title" className={CARD}>
      <h2 id="team-list-title" className={H2}>
        {t("teams.list.heading")}
      </h2>
      {teams.length === 0 ? (
        <p className={`mt-2 ${MUTED}`}>{t("teams.list.empty")}</p>
      ) : (
        <ul className="mt-3 flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="team-list">
          {teams.map((team) => (
            <li key={team.id} className="py-2">
              <Link
                href={`/teams/${team.id}`}
                className="break-words font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
              >
                {team.name}
              </Link>
              <p className={MUTED}>
                {t("teams.list.role", { role: t(`teams.role.${team.role}`) })} · {t("teams.list.members", { count: team.memberCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
