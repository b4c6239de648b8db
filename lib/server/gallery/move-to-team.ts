import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, can, canMoveToTeam, canView } from "../permissions";

// POST /api/generations/:id/move {teamId}: a personal clip joins a team, by its creator (who must be
// allowed to generate there). Its money stays where it was spent: ledger rows keep teamId null, so
// the move neither charges the team's budget nor frees the creator's. Share links keep working.

export async function moveToTeam(client: Db, access: Access, id: string, teamId: string, ip?: string): Promise<void> {
  const actor = access.actor;
  const row = await client.generation.findUnique({ where: { id }, select: { id: true, ownerId: true, teamId: true, deletedAt: true } });
  if (!row || !canView(access, row)) throw new AppError("not_found");
  if (!canMoveToTeam(access, row, teamId)) {
    // A team the actor is not in does not exist for them; anything else is "not movable".
    if (!access.roles.has(teamId)) throw new AppError("not_found");
    // Visible clip, visible team: either the role (viewers cannot add clips) or the clip's state.
    if (!can(access, teamId, "clip.generate")) throw new AppError("team_role_forbidden");
    throw new AppError("not_movable");
  }
  await writeTransaction(client, async (tx) => {
    const { count } = await tx.generation.updateMany({ where: { id, teamId: null, ownerId: actor.id, deletedAt: null }, data: { teamId } });
    if (count !== 1) throw new AppError("not_movable");
    await recordAudit(tx, { teamId, actorId: actor.id, action: "clip.move", targetType: "generation", targetId: id, ip: ip ?? null });
  });
}
