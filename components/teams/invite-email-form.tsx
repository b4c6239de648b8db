"use client";
import { type FormEvent, useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useAnnounce } from "@/components/ui/live-region";
import type { TeamRole } from "@/lib/shared/team-roles";
import { INVITE_TTL_DEFAULT_HOURS } from "@/lib/shared/team-limits";
import { InviteRoleExpiry } from "./invite-role-expiry";
import { createEmailInvite } from "./team-api";
import { useTeamAction } from "./use-team-action";

/** Invites an existing account by its email; they accept on their Teams page. */
export function InviteEmailForm({ teamId, roles, onCreated }: { teamId: string; roles: TeamRole[]; onCreated: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const announce = useAnnounce();
  const { busy, error, run } = useTeamAction();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TeamRole>(roles.includes("MEMBER") ? "MEMBER" : (roles[roles.length - 1] ?? "VIEWER"));
  const [expiry, setExpiry] = useState<number>(INVITE_TTL_DEFAULT_HOURS);
  const [sent, setSent] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSent(null);
    const ok = await run(() => createEmailInvite(teamId, { email, role, expiresInHours: expiry }), "email");
    if (ok) {
      const msg = t("teams.invite.emailSent", { email: email.trim() });
      setSent(msg);
      announce(msg);
      setEmail("");
      onCreated();
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {t("teams.invite.emailHeading")}
      </h3>
      <Field
        id={`${id}-email`}
        type="email"
        label={t("teams.invite.email")}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={error ?? undefined}
        autoComplete="off"
        required
      />
      <div className="flex flex-wrap gap-3">
        <InviteRoleExpiry idPrefix={id} roles={roles} role={role} onRole={setRole} expiry={expiry} onExpiry={setExpiry} />
      </div>
      <div>
        <Button type="submit" disabled={busy || !email.trim()}>
          {busy ? t("teams.busy") : t("teams.invite.sendEmail")}
        </Button>
      </div>
      {sent && <p className="text-sm text-green-800 dark:text-green-300">{sent}</p>}
    </form>
  );
}
