"use client";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import type { TeamRole } from "@/lib/shared/team-roles";
import { INVITE_MAX_USES_MAX, INVITE_TTL_DEFAULT_HOURS } from "@/lib/shared/team-limits";
import { InviteRoleExpiry } from "./invite-role-expiry";
import { createLinkInvite } from "./team-api";
import { ERROR, MUTED, SELECT } from "./styles";
import { useTeamAction } from "./use-team-action";

/** Creates link invitations and shows each URL (it is shown once: only its hash is stored), with a
 *  copy button. Links made on this page stay listed, newest first: a later "create link" that fails
 *  never takes away one that was already made. */
export function InviteLinkForm({ teamId, roles, onCreated }: { teamId: string; roles: TeamRole[]; onCreated: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const announce = useAnnounce();
  const { busy, error, run } = useTeamAction();
  const [role, setRole] = useState<TeamRole>(roles.includes("MEMBER") ? "MEMBER" : (roles[roles.length - 1] ?? "VIEWER"));
  const [expiry, setExpiry] = useState<number>(INVITE_TTL_DEFAULT_HOURS);
  const [maxUses, setMaxUses] = useState("1");
  const [urls, setUrls] = useState<string[]>([]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    let token = "";
    const ok = await run(async () => {
      token = (await createLinkInvite(teamId, { role, expiresInHours: expiry, maxUses: Number(maxUses) })).token;
    });
    if (ok) {
      setUrls((prev) => [`${window.location.origin}/join/${token}`, ...prev]);
      announce(t("teams.invite.linkReady"));
      onCreated();
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {t("teams.invite.linkHeading")}
      </h3>
      <div className="flex flex-wrap gap-3">
        <InviteRoleExpiry idPrefix={id} roles={roles} role={role} onRole={setRole} expiry={expiry} onExpiry={setExpiry} />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-uses`} className="text-sm font-medium">
            {t("teams.invite.maxUses")}
          </label>
          <input
            id={`${id}-uses`}
            type="number"
            inputMode="numeric"
            min={1}
            max={INVITE_MAX_USES_MAX}
            step={1}
            value={maxUses}
            onChange={(e) => setMaxUses(e.target.value)}
            aria-describedby={`${id}-uses-hint`}
            className={`${SELECT} w-24`}
          />
        </div>
      </div>
      <p id={`${id}-uses-hint`} className={MUTED}>
        {t("teams.invite.maxUsesHint")}
      </p>
      {error && (
        <p role="alert" className={ERROR}>
          {error}
        </p>
      )}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("teams.busy") : t("teams.invite.createLink")}
        </Button>
      </div>
      {urls.map((url, i) => (
        <OneTimeLink key={url} url={url} newest={i === 0} />
      ))}
    </form>
  );
}

/** One created link: shown with its copy button until the page is left (the server keeps only its hash). */
function OneTimeLink({ url, newest }: { url: string; newest: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const announce = useAnnounce();
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const urlRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (newest) urlRef.current?.select();
  }, [newest]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState("copied");
      announce(t("teams.invite.copied"));
    } catch {
      setCopyState("failed");
      urlRef.current?.select();
    }
  }

  return (
    <div className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950" data-testid="invite-url">
      <p className="text-sm font-medium text-amber-950 dark:text-amber-100">{t("teams.invite.linkReady")}</p>
      <label htmlFor={`${id}-url`} className="sr-only">
        {t("teams.invite.linkLabel")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          ref={urlRef}
          id={`${id}-url`}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 basis-56 rounded-md border border-zinc-400 bg-white px-2 py-1.5 font-mono text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {t("teams.invite.copy")}
        </Button>
      </div>
      {copyState === "copied" && <p className="text-sm text-green-800 dark:text-green-300">{t("teams.invite.copied")}</p>}
      {copyState === "failed" && <p className={ERROR}>{t("teams.invite.copyFailed")}</p>}
    </div>
  );
}
