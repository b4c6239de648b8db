import "server-only";
import { DELETABLE, isIn } from "@/lib/shared/generation-lifecycle";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { logger } from "../logger";
import { recordAudit } from "../audit/record-audit";
import { type Access, assertMay, canDelete } from "../permissions";
import { clipPrefix, type Storage } from "../storage";

// DELETE /api/generations/:id and bulk delete. A clip still being made is refused (409
// not_deletable): the worker would write its media after we removed it. For a finished clip the
// media goes first (storage deletePrefix is idempotent), then the row is soft-deleted and its Asset
// rows removed in one transaction. A storage failure therefore changes nothing and can be retried;
// the ledger rows stay (money history is append-only), as do the input uploads (remixes share them).

const SELECT = { id: true, ownerId: true, teamId: true, deletedAt: true, status: true } as const;

async function deleteOne(client: Db, store: Storage, access: Access, row: { id: string; teamId: string | null }): Promise<boolean> {
  const id = row.id;
  try {
    await store.deletePrefix(clipPrefix(id));
  } catch (err) {
    logger.error("gallery delete: storage failed", { generationId: id, err });
    throw new AppError("storage_unavailable", { cause: err });
  }
  return writeTransaction(client, async (tx) => {
    const updated = await tx.generation.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    await tx.asset.deleteMany({ where: { generationId: id } });
    // Team clips: who deleted what is part of the team's audit log.
    if (updated.count === 1 && row.teamId) {
      await recordAudit(tx, { teamId: row.teamId, actorId: access.actor.id, action: "clip.delete", targetType: "generation", targetId: id });
    }
    return updated.count === 1;
  });
}

export async function deleteGeneration(client: Db, store: Storage, access: Access, id: string): Promise<void> {
  const row = assertMay(access, await client.generation.findUnique({ where: { id }, select: SELECT }), canDelete);
  if (!isIn(DELETABLE, row.status)) throw new AppError("not_deletable");
  await deleteOne(client, store, access, row);
}

export interface BulkDeleteResult {
  deleted: string[];
  /** Visible but still being made (not deletable yet). */
  skipped: string[];
  /** Unknown, deleted already, or not the actor's: never distinguished. */
  missing: number;
}

export async function deleteGenerations(client: Db, store: Storage, access: Access, ids: string[]): Promise<BulkDeleteResult> {
  const unique = [...new Set(ids)];
  const rows = await client.generation.findMany({ where: { id: { in: unique } }, select: SELECT });
  const mine = rows.filter((r) => canDelete(access, r));
  const result: BulkDeleteResult = { deleted: [], skipped: [], missing: unique.length - mine.length };
  for (const row of mine) {
    if (!isIn(DELETABLE, row.status)) result.skipped.push(row.id);
    else if (await deleteOne(client, store, access, row)) result.deleted.push(row.id);
  }
  return result;
}
