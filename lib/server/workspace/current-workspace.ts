import "server-only";
import { cookies } from "next/headers";
import type { Db } from "../db";
import { type Access, can, clipActionsIn, type Workspace } from "../permissions";
import type { TeamRole } from "@/lib/shared/team-roles";
import type { WorkspaceSummary } from "@/lib/shared/workspace-view";

// The workspace the studio and gallery show: a cookie remembers the choice per browser, and every
// read re-validates it against the actor's CURRENT memberships (a removed member falls back to personal).

export const WORKSPACE_COOKIE = "fh-workspace";

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

function workspaceFromCookie(value: string | undefined, access: Access): Workspace {
  if (value && value !== "personal" && can(access, value, "clip.view")) return { kind: "team", teamId: value };
  return { kind: "personal" };
}

/** The current render's workspace (server components). */
export async function currentWorkspace(access: Access): Promise<Workspace> {
  return workspaceFromCookie((await cookies()).get(WORKSPACE_COOKIE)?.value, access);
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
