"use client";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { TeamRole } from "@/lib/shared/team-roles";
import type { InviteView } from "@/lib/shared/team-views";
import { InviteEmailForm } from "./invite-email-form";
import { InviteLinkForm } from "./invite-link-form";
import { OpenInvites } from "./open-invites";
import { CARD, H2 } from "./styles";

/** Owners and admins: create link and email invitations, see and revoke the open ones. */
export function InvitePanel({ teamId, roles, invites }: { teamId: string; roles: TeamRole[]; invites: InviteView[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const refresh = () => router.refresh();
  return (
    <section aria-labelledby="invite-panel-title" className={`${CARD} flex flex-col gap-6`}>
      <h2 id="invite-panel-title" className={H2}>
        {t("teams.invite.heading")}
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <InviteLinkForm teamId={teamId} roles={roles} onCreated={refresh} />
        <InviteEmailForm teamId={teamId} roles={roles} onCreated={refresh} />
      </div>
      <OpenInvites teamId={teamId} invites={invites} />
    </section>
  );
}
