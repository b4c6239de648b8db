"use client";
import { useRouter } from "next/navigation";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import type { InviteView } from "@/lib/shared/team-views";
import { revokeInvite } from "./team-api";
import { ERROR, MUTED } from "./styles";
import { useTeamAction } from "./use-team-action";

/** The team's open invitations, each with Revoke (takes effect at once). */
export function OpenInvites({ teamId, invites }: { teamId: string; invites: InviteView[] }) {
  const { t } = useI18n();
  const when = useFormatTime();
  const router = useRouter();
  const announce = useAnnounce();
  const { busy, error, run } = useTeamAction();

  async function revoke(inv: InviteView) {
    if (await run(() => revokeInvite(teamId, inv.id))) {
      announce(t("teams.invite.revoked"));
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">{t("teams.invite.openHeading")}</h3>
      {error && (
        <p role="alert" className={ERROR}>
          {error}
        </p>
      )}
      {invites.length === 0 ? (
        <p className={MUTED}>{t("teams.invite.openEmpty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="open-invites">
          {invites.map((inv) => {
            const what = inv.kind === "email" ? (inv.email ?? "") : t("teams.invite.kindLink");
            return (
              <li key={inv.id} className="flex flex-wrap items-center gap-3 py-2">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="break-all font-medium">
                    {what} · {t(`teams.role.${inv.role}`)}
                  </p>
                  <p className={MUTED}>
                    {inv.kind === "link" && `${t("teams.invite.uses", { uses: inv.uses, max: inv.maxUses })} · `}
                    {t("teams.expires", { date: when(inv.expiresAt) })}
                  </p>
                  <p className={MUTED}>{t("teams.invite.by", { name: inv.createdBy.name ?? t("teams.someone") })}</p>
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy}
                  onClick={() => void revoke(inv)}
                  aria-label={t("teams.invite.revokeLabel", { what: `${what} (${t(`teams.role.${inv.role}`)})` })}
                >
                  {t("teams.invite.revoke")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
