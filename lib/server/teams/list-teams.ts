import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type Access, assertCan } from "../permissions";
import type { TeamSummary } from "@/lib/shared/team-views";

/** The actor's live teams with their role and member count, by name. */
export async function listMyTeams(client: Db, access: Access): Promise<TeamSummary[]> {
  const teamIds = [...access.roles.keys()];
  if (!teamIds.length) return [];
  const teams = await client.team.findMany({
    where: { id: { in: teamIds }, deletedAt: null },
    select: { id: true, name: true, createdAt: true, _count: { select: { memberships: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    role: access.roles.get(t.id)!,
    memberCount: t._count.memberships,
    createdAt: t.createdAt.toISOString(),
  }));
}

export async function getTeam(client: Db, access: Access, teamId: string): Promise<TeamSummary> {
  const role = assertCan(access, teamId, "team.view");
  const t = await client.team.findFirst({
    where: { id: teamId, deletedAt: null },
    select: { id: true, name: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  if (!t) throw new AppError("not_found");
  return { id: t.id, name: t.name, role, memberCount: t._count.memberships, createdAt: t.createdAt.toISOString() };
}
