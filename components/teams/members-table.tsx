"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import type { TeamRole } from "@/lib/shared/team-roles";
import { removeMember, setMemberRole } from "./team-api";
import type { MemberRow } from "./team-page-props";
import { CARD, ERROR, H2, MUTED, SELECT } from "./styles";
import { useTeamAction } from "./use-team-action";

/** The member list: role selects and Remove buttons only where the actor may use them. */
export function MembersTable({ teamId, members }: { teamId: string; members: MemberRow[] }) {
  const { t } = useI18n();
  const when = useFormatTime();
  const router = useRouter();
  const announce = useAnnounce();
  const { busy, error, run } = useTeamAction();
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const display = (m: MemberRow) => m.name || m.email;

  async function changeRole(m: MemberRow, role: TeamRole) {
    if (await run(() => setMemberRole(teamId, m.userId, role))) {
      announce(t("teams.members.roleChanged", { name: display(m), role: t(`teams.role.${role}`) }));
      router.refresh();
    }
  }
  async function confirmRemove() {
    const m = removing;
    if (!m) return;
    const ok = await run(() => removeMember(teamId, m.userId));
    setRemoving(null);
    if (ok) {
      announce(t("teams.members.removed", { name: display(m) }));
      router.refresh();
    }
  }

  return (
    <section aria-labelledby="members-title" className={CARD}>
      <h2 id="members-title" className={H2}>
        {t("teams.members.heading")}
      </h2>
      {error && (
        <p role="alert" className={`mt-2 ${ERROR}`}>
          {error}
        </p>
      )}
      <ul className="mt-3 flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="member-list">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
            <div className="min-w-0 flex-1 basis-48">
              <p className="break-words font-medium">
                {display(m)}
                {m.self && <span className={`ml-1 font-normal ${MUTED}`}>({t("teams.members.you")})</span>}
              </p>
              {m.name && <p className={`break-all ${MUTED}`}>{m.email}</p>}
              <p className={MUTED}>
                {t("teams.members.joined")}: {when(m.joinedAt)}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {m.roleOptions.length > 0 ? (
                <>
                  <label htmlFor={`role-${m.userId}`} className="sr-only">
                    {t("teams.members.roleLabel", { name: display(m) })}
                  </label>
                  <select
                    id={`role-${m.userId}`}
                    className={SELECT}
                    value={m.role}
                    disabled={busy}
                    onChange={(e) => void changeRole(m, e.target.value as TeamRole)}
                  >
                    {[m.role, ...m.roleOptions.filter((r) => r !== m.role)].map((r) => (
                      <option key={r} value={r}>
                        {t(`teams.role.${r}`)}
                      </option>
                    ))}
                  </select>
                </>
              ) : (
                <span className="rounded-full bg-zinc-100 px-2.5 py-1 text-sm font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100">
                  {t(`teams.role.${m.role}`)}
                </span>
              )}
              {m.canRemove && (
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy}
                  onClick={() => setRemoving(m)}
                  aria-label={t("teams.members.removeLabel", { name: display(m) })}
                >
                  {t("teams.members.remove")}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t("teams.members.removeTitle", { name: display(removing) }) : ""}
        body={t("teams.members.removeBody")}
        confirmLabel={t("teams.members.remove")}
        cancelLabel={t("teams.cancel")}
        busy={busy}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
