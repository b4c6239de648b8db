import type { TeamRole } from "@/lib/shared/team-roles";
import { TeamNav } from "./team-nav";

/** A team page the member may not see (usage, audit log for members and viewers): the team's
 *  navigation and why — never any of the page's figures. */
export function TeamForbidden({ teamId, teamName, role, message }: { teamId: string; teamName: string; role: TeamRole; message: string }) {
  return (
    <section className="flex flex-col gap-4">
      <TeamNav teamId={teamId} teamName={teamName} role={role} />
      <p role="alert" className="text-red-700 dark:text-red-400">
        {message}
      </p>
    </section>
  );
}
