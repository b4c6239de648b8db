import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type Access, can, clipActionsIn, type Workspace } from "../permissions";
import type { TeamRole } from "@/lib/shared/team-roles";
import type { WorkspaceSummary } from "@/lib/shared/workspace-view";

// The workspace the studio and gallery show: the account remembers the choice (User.workspaceTeamId),
// so every device and browser of the account opens the same one; the team pages switch to a team right
// after joining or creating it (components/teams/team-api.ts). Every read re-validates it against the actor's
// CURRENT memberships (a removed member falls back to personal).

export interface TeamChoice {
  id: string;
  name: string;
  role: TeamRole;
}

/** The actor's live teams, by name (the switcher's options). */
export async function teamChoices(client: Pick<Db, "team">, access: Access): Promise<TeamChoice[]> {
  const ids = [...access.roles.keys()];
  if (ids.length === 0) return [];
  const teams = await client.team.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return teams.map((t) => ({ id: t.id, name: t.name, role: access.roles.get(t.id)! }));
}

/** The actor's workspace: the one their account chose while they are still in that team, else personal. */
export async function currentWorkspace(client: Pick<Db, "user">, access: Access): Promise<Workspace> {
  const row = await client.user.findUnique({ where: { id: access.actor.id }, select: { workspaceTeamId: true } });
  const teamId = row?.workspaceTeamId ?? null;
  return teamId && can(access, teamId, "clip.view") ? { kind: "team", teamId } : { kind: "personal" };
}

/** Remembers `teamId` (null: personal) on the account; a team the actor is not in is 404. */
export async function chooseWorkspace(client: Pick<Db, "user">, access: Access, teamId: string | null): Promise<void> {
  if (teamId !== null && !can(access, teamId, "clip.view")) throw new AppError("not_found");
  await client.user.update({ where: { id: access.actor.id }, data: { workspaceTeamId: teamId } });
}

export function summarize(ws: Workspace, access: Access, teams: TeamChoice[]): WorkspaceSummary {
  if (ws.kind === "personal") return { teamId: null, teamName: null, role: null, canGenerate: true, clipActions: clipActionsIn(access, ws) };
  const team = teams.find((t) => t.id === ws.teamId);
  return {
    teamId: ws.teamId,
    teamName: team?.name ?? null,
    role: access.roles.get(ws.teamId) ?? null,
    canGenerate: can(access, ws.teamId, "clip.generate"),
    clipActions: clipActionsIn(access, ws),
  };
}
