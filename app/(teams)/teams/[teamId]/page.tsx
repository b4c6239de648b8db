import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { InvitePanel } from "@/components/teams/invite-panel";
import { MembersTable } from "@/components/teams/members-table";
import { TeamNav } from "@/components/teams/team-nav";
import { TeamSettings } from "@/components/teams/team-settings";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { accessOf, can, roleIn } from "@/lib/server/permissions";
import { listTeamInvites } from "@/lib/server/teams/list-invites";
import { listMembers } from "@/lib/server/teams/list-members";
import { getTeam } from "@/lib/server/teams/list-teams";
import { assignableBy, invitableBy, outranks } from "@/lib/server/permissions/member-rank";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("teams.page.title") };
}

/** One team: header with sub-navigation, members, invitations (owners/admins) and settings. */
export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/teams/${teamId}`)}`);
  const access = await accessOf(db(), actor);
  const role = roleIn(access, teamId);
  if (!role) notFound(); // not a member (or a deleted team): the team does not exist for them
  const manage = can(access, teamId, "team.manageMembers");
  const mayInvite = can(access, teamId, "team.invite");
  const [team, members, invites] = await Promise.all([
    getTeam(db(), access, teamId),
    listMembers(db(), access, teamId),
    mayInvite ? listTeamInvites(db(), access, teamId) : Promise.resolve([]),
  ]);
  const rows = members.map((m) => {
    const self = m.userId === actor.id;
    const managed = manage && outranks(role, m.role, self);
    return { ...m, self, roleOptions: managed ? assignableBy(role) : [], canRemove: managed };
  });
  const caps = {
    rename: can(access, teamId, "team.rename"),
    delete: can(access, teamId, "team.delete"),
    transfer: can(access, teamId, "team.transfer"),
    invite: mayInvite,
    leave: can(access, teamId, "team.leave"),
    invitableRoles: invitableBy(role),
  };
  return (
    <div className="flex flex-col gap-6">
      <TeamNav teamId={team.id} teamName={team.name} role={role} />
      <MembersTable teamId={team.id} members={rows} />
      {caps.invite && <InvitePanel teamId={team.id} roles={caps.invitableRoles} invites={invites} />}
      <TeamSettings team={{ id: team.id, name: team.name }} caps={caps} members={rows} selfId={actor.id} />
    </div>
  );
}
