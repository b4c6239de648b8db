"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { LinkPreview } from "@/lib/shared/team-views";
import { acceptLinkInvite, declineLinkInvite, switchToTeam } from "./team-api";
import { CARD, ERROR, MUTED } from "./styles";
import { useTeamAction } from "./use-team-action";

const LINK = "font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

/** Accept (then work in the team and open its page) or decline a link invitation. */
export function JoinInvite({ token, preview }: { token: string; preview: LinkPreview }) {
  const { t } = useI18n();
  const when = useFormatTime();
  const router = useRouter();
  const { busy, error, run } = useTeamAction();
  const [declined, setDeclined] = useState(false);

  async function accept() {
    let teamId = preview.team.id;
    const ok = await run(async () => {
      teamId = (await acceptLinkInvite(token)).teamId;
      await switchToTeam(teamId);
    });
    if (ok) {
      router.push(`/teams/${teamId}`);
      router.refresh(); // the shared frame (workspace switcher) re-reads the new workspace
    }
  }
  async function decline() {
    if (await run(() => declineLinkInvite(token))) setDeclined(true);
  }

  return (
    <section aria-labelledby="join-title" className={`${CARD} mx-auto flex max-w-xl flex-col gap-3`}>
      <h1 id="join-title" className="text-2xl font-semibold">
        {t("teams.join.title")}
      </h1>
      {declined ? (
        <>
          <p role="status">{t("teams.join.declined")}</p>
          <Link href="/teams" className={LINK}>
            {t("teams.join.back")}
          </Link>
        </>
      ) : preview.alreadyMember ? (
        <>
          <p className="break-words">{t("teams.join.already", { team: preview.team.name })}</p>
          <Link href={`/teams/${preview.team.id}`} className={LINK}>
            {t("teams.join.open")}
          </Link>
        </>
      ) : (
        <>
          <p className="break-words text-lg">
            {t("teams.join.body", {
              name: preview.invitedBy ?? t("teams.someone"),
              team: preview.team.name,
              role: t(`teams.role.${preview.role}`),
            })}
          </p>
          <p className={MUTED}>{t("teams.expires", { date: when(preview.expiresAt) })}</p>
          {error && (
            <p role="alert" className={ERROR}>
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="button" disabled={busy} onClick={() => void accept()}>
              {busy ? t("teams.busy") : t("teams.join.accept")}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void decline()}>
              {t("teams.join.decline")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
