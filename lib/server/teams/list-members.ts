import "server-only";
import type { Db } from "../db";
import { type Access, assertCan } from "../permissions";
import { ROLE_RANK } from "@/lib/shared/team-roles";
import type { MemberView } from "@/lib/shared/team-views";

/** Every member of the team (any member may see the list): owner first, then by rank and join date. */
export async function listMembers(client: Db, access: Access, teamId: string): Promise<MemberView[]> {
  assertCan(access, teamId, "team.view");
  const rows = await client.membership.findMany({
    where: { teamId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows
    .map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() }))
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role]);
}
