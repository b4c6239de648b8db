import { redirect } from "next/navigation";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { PendingInvites } from "@/components/teams/pending-invites";
import { TeamList } from "@/components/teams/team-list";
import { PageSection } from "@/components/ui/page-section";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { accessOf } from "@/lib/server/permissions";
import { listMyTeams } from "@/lib/server/teams/list-teams";
import { listMyInvites } from "@/lib/server/teams/my-invites";

export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=%2Fteams");
  const access = await accessOf(db(), actor);
  const [teams, invites] = await Promise.all([listMyTeams(db(), access), listMyInvites(db(), access)]);
  const { t } = await getT();
  return (
    <PageSection id="teams" title={t("teams.page.title")} intro={t("teams.page.intro")} className="gap-6">
      {invites.length > 0 && <PendingInvites invites={invites} />}
      <div className="grid gap-6 md:grid-cols-2">
        <TeamList teams={teams} t={t} />
        <CreateTeamForm />
      </div>
    </PageSection>
  );
}
