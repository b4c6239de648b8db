import "server-only";
import type { Actor } from "../auth/session";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import type { ChangeMeta } from "./audit-meta";
import type { TeamSummary } from "@/lib/shared/team-views";

/** Creates a team; the creator is its OWNER. `name` is already trimmed and 1–80 chars (schema). */
export async function createTeam(client: Db, actor: Actor, name: string, meta: ChangeMeta = {}): Promise<TeamSummary> {
  return client.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name, memberships: { create: { userId: actor.id, role: "OWNER" } } } });
    await recordAudit(tx, {
      teamId: team.id,
      actorId: actor.id,
      action: "team.create",
      targetType: "team",
      targetId: team.id,
      data: { name },
      ip: meta.ip,
    });
    return { id: team.id, name: team.name, role: "OWNER", memberCount: 1, createdAt: team.createdAt.toISOString() };
  });
}
