"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import type { PendingInvite } from "@/lib/shared/team-views";
import { acceptEmailInvite, declineEmailInvite, switchToTeam } from "./team-api";
import { CARD, ERROR, H2, MUTED } from "./styles";
import { useTeamAction } from "./use-team-action";

/** Email invitations addressed to me, each with Accept (opens the team) and Decline. */
export function PendingInvites({ invites }: { invites: PendingInvite[] }) {
  const { t } = useI18n();
  const when = useFormatTime();
  const router = useRouter();
  const announce = useAnnounce();
  const [gone, setGone] = useState<string[]>([]);
  const { busy, error, run } = useTeamAction();
  const shown = invites.filter((i) => !gone.includes(i.id));

  async function accept(inv: PendingInvite) {
    if (await run(async () => {
      await acceptEmailInvite(inv.id);
      await switchToTeam(inv.team.id);
    })) {
      announce(t("teams.invites.accepted", { team: inv.team.name }));
      router.push(`/teams/${inv.team.id}`);
    }
  }
  async function decline(inv: PendingInvite) {
    if (await run(() => declineEmailInvite(inv.id))) {
      setGone((g) => [...g, inv.id]);
      announce(t("teams.invites.declined"));
      router.refresh();
    }
  }

  return (
    <section aria-labelledby="pending-invites-title" className={CARD}>
      <h2 id="pending-invites-title" className={H2}>
        {t("teams.invites.heading")}
      </h2>
      {error && (
        <p role="alert" className={`mt-2 ${ERROR}`}>
          {error}
        </p>
      )}
      {shown.length === 0 ? (
        <p className={`mt-2 ${MUTED}`}>{t("teams.invites.empty")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3">
          {shown.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-3 first:border-0 first:pt-0 dark:border-zinc-800">
              <div className="min-w-0 flex-1">
                <p className="break-words font-medium">{inv.team.name}</p>
                <p className={MUTED}>
                  {t("teams.invites.from", { role: t(`teams.role.${inv.role}`), name: inv.invitedBy ?? t("teams.someone") })}
                </p>
                <p className={MUTED}>{t("teams.expires", { date: when(inv.expiresAt) })}</p>
              </div>
              <div className="flex gap-2">
                <Button type="button" disabled={busy} onClick={() => void accept(inv)} aria-label={t("teams.invites.acceptLabel", { team: inv.team.name })}>
                  {t("teams.invites.accept")}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy}
                  onClick={() => void decline(inv)}
                  aria-label={t("teams.invites.declineLabel", { team: inv.team.name })}
                >
                  {t("teams.invites.decline")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
