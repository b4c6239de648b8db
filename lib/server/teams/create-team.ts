import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import type { Access } from "../permissions";
import type { ChangeMeta } from "./audit-meta";
import type { TeamSummary } from "@/lib/shared/team-views";

/** Creates a team; the creator is its OWNER. `name` is already trimmed and 1–80 chars (schema). */
export async function createTeam(client: Db, access: Access, name: string, meta: ChangeMeta = {}): Promise<TeamSummary> {
  const actor = access.actor;
  return writeTransaction(client, async (tx) => {
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
