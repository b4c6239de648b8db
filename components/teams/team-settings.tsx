"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useAnnounce } from "@/components/ui/live-region";
import { TEAM_NAME_MAX } from "@/lib/shared/team-limits";
import { deleteTeam, removeMember, renameTeam, transferOwnership } from "./team-api";
import type { MemberRow, TeamCaps } from "./team-page-props";
import { CARD, DANGER, ERROR, H2, MUTED, SELECT } from "./styles";
import { TypedConfirmDialog } from "./typed-confirm-dialog";
import { useTeamAction } from "./use-team-action";

/** Rename, transfer ownership, leave and delete — each shown only to those who may do it. */
export function TeamSettings({ team, caps, members, selfId }: { team: { id: string; name: string }; caps: TeamCaps; members: MemberRow[]; selfId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const announce = useAnnounce();
  const rename = useTeamAction();
  const other = useTeamAction();
  const [name, setName] = useState(team.name);
  const [transferTo, setTransferTo] = useState("");
  const [dialog, setDialog] = useState<"transfer" | "leave" | "delete" | null>(null);
  const candidates = members.filter((m) => !m.self);
  const target = candidates.find((m) => m.userId === transferTo);
  const display = (m: MemberRow) => m.name || m.email;

  async function submitRename(e: FormEvent) {
    e.preventDefault();
    if (await rename.run(() => renameTeam(team.id, name), "name")) {
      announce(t("teams.rename.done"));
      router.refresh();
    }
  }
  async function doTransfer() {
    if (!target) return;
    const ok = await other.run(() => transferOwnership(team.id, target.userId));
    setDialog(null);
    if (ok) {
      announce(t("teams.transfer.done", { name: display(target) }));
      setTransferTo("");
      router.refresh();
    }
  }
  async function doLeave() {
    const ok = await other.run(() => removeMember(team.id, selfId));
    setDialog(null);
    if (ok) router.push("/teams");
  }
  async function doDelete() {
    if (await other.run(() => deleteTeam(team.id))) {
      setDialog(null);
      router.push("/teams");
    }
  }

  return (
    <section aria-labelledby="team-settings-title" className={`${CARD} flex flex-col gap-6`}>
      <h2 id="team-settings-title" className={H2}>
        {t("teams.settings.heading")}
      </h2>
      {other.error && dialog === null && (
        <p role="alert" className={ERROR}>
          {other.error}
        </p>
      )}
      {caps.rename && (
        <form onSubmit={submitRename} className="flex flex-wrap items-end gap-2" noValidate>
          <div className="min-w-0 flex-1 basis-56">
            <Field
              id="team-rename"
              label={t("teams.rename.label")}
              value={name}
              maxLength={TEAM_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
              error={rename.error ?? undefined}
              autoComplete="off"
            />
          </div>
          <Button type="submit" variant="secondary" disabled={rename.busy || !name.trim() || name.trim() === team.name}>
            {t("teams.rename.submit")}
          </Button>
        </form>
      )}
      {caps.transfer && (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">{t("teams.transfer.heading")}</h3>
          {candidates.length === 0 ? (
            <p className={MUTED}>{t("teams.transfer.none")}</p>
          ) : (
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex min-w-0 max-w-full flex-col gap-1">
                <label htmlFor="transfer-to" className="text-sm font-medium">
                  {t("teams.transfer.label")}
                </label>
                <select id="transfer-to" className={`${SELECT} w-full max-w-full truncate`} value={transferTo} onChange={(e) => setTransferTo(e.target.value)}>
                  <option value="">{t("teams.transfer.choose")}</option>
                  {candidates.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {display(m)} ({t(`teams.role.${m.role}`)})
                    </option>
                  ))}
                </select>
              </div>
              <Button type="button" variant="secondary" disabled={!target || other.busy} onClick={() => setDialog("transfer")}>
                {t("teams.transfer.submit")}
              </Button>
            </div>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {caps.leave ? (
          <Button type="button" variant="secondary" disabled={other.busy} onClick={() => setDialog("leave")}>
            {t("teams.leave.button")}
          </Button>
        ) : (
          <p className={MUTED}>{t("teams.leave.ownerHint")}</p>
        )}
        {caps.delete && (
          <Button type="button" className={DANGER} disabled={other.busy} onClick={() => setDialog("delete")}>
            {t("teams.delete.button")}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={dialog === "transfer"}
        title={target ? t("teams.transfer.title", { name: display(target) }) : ""}
        body={target ? t("teams.transfer.body", { name: display(target) }) : ""}
        confirmLabel={t("teams.transfer.submit")}
        cancelLabel={t("teams.cancel")}
        busy={other.busy}
        onConfirm={() => void doTransfer()}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === "leave"}
        title={t("teams.leave.title", { team: team.name })}
        body={t("teams.leave.body")}
        confirmLabel={t("teams.leave.button")}
        cancelLabel={t("teams.cancel")}
        busy={other.busy}
        onConfirm={() => void doLeave()}
        onCancel={() => setDialog(null)}
      />
      <TypedConfirmDialog
        open={dialog === "delete"}
        title={t("teams.delete.title", { team: team.name })}
        body={t("teams.delete.body")}
        inputLabel={t("teams.delete.typeLabel", { team: team.name })}
        expected={team.name}
        confirmLabel={t("teams.delete.button")}
        cancelLabel={t("teams.cancel")}
        busy={other.busy}
        error={dialog === "delete" ? other.error : null}
        onConfirm={() => void doDelete()}
        onCancel={() => {
          other.setError(null);
          setDialog(null);
        }}
      />
    </section>
  );
}
