"use client";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { withCallback } from "@/lib/shared/callback-url";
import type { TeamRole } from "@/lib/shared/team-roles";
import { CARD, MUTED } from "./styles";

const PRIMARY = "rounded-md bg-indigo-700 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200";
const SECONDARY = "rounded-md border border-zinc-400 px-4 py-2 text-center text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800";

/** A link invitation seen signed out: the team, the inviter, the role; create an account first, or sign in. */
export function JoinLanding({ token, preview }: { token: string; preview: { teamName: string; role: TeamRole; invitedBy: string | null; expiresAt: string } }) {
  const { t } = useI18n();
  const when = useFormatTime();
  const back = `/join/${token}`;
  return (
    <section aria-labelledby="join-title" className={`${CARD} mx-auto flex max-w-xl flex-col gap-3`}>
      <h1 id="join-title" className="text-2xl font-semibold">
        {t("teams.join.title")}
      </h1>
      <p className="break-words text-lg" data-testid="join-landing-body">
        {t("teams.join.body", { name: preview.invitedBy ?? t("teams.someone"), team: preview.teamName, role: t(`teams.role.${preview.role}`) })}
      </p>
      <p className={MUTED}>{t("teams.expires", { date: when(preview.expiresAt) })}</p>
      <p>{t("join.newcomer")}</p>
      <div className="flex flex-wrap gap-2">
        <a href={withCallback("/sign-up", back)} className={PRIMARY}>
          {t("join.signUp")}
        </a>
        <a href={withCallback("/sign-in", back)} className={SECONDARY}>
          {t("join.signIn")}
        </a>
      </div>
    </section>
  );
}
