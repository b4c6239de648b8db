import "server-only";
import type { Db } from "../db";
import { TX_OPTIONS, withDbRetry } from "../db/retry";
import type { Storage } from "../storage";

// The collector of unused uploads (run by the worker: lib/server/worker/upload-collector.ts). An
// upload is IN USE while a take has it as an input (GenerationInput: image, start and end frames — a
// remix or a retry reuses the same rows' uploads and gets its own GenerationInput rows) or while it
// is the last frame of a take that is not deleted (frameOfId). The take's params JSON holds no upload
// ids (lib/shared/generation-params.ts). An upload not in use and not used for the grace period
// (usedAt; a STORING row is one whose request crashed) is deleted in three steps, each safe to stop
// after, each finished by the next pass:
//   1. markForDeletion — one transaction: READY/STORING → DELETING only if still idle past the
//      cutoff, then (holding that row's write lock) re-check that nothing references it; if something
//      does, roll back. A take being created writes `usedAt` of each of its inputs (conditional on
//      READY) in its own transaction (lib/server/uploads/mark-uploads-used.ts), so the two writes to the
//      same row are ordered by its lock: whichever commits second sees the other's write (PostgreSQL
//      re-evaluates an UPDATE's WHERE on the newer row version; SQLite has one writer) and either the
//      mark finds usedAt fresh and changes nothing, or the take finds DELETING and is refused 409
//      upload_deleting. A reference committed before the mark is seen by the re-check.
//   2. the object is deleted (idempotent on local disk and S3; a missing object is success);
//   3. the DELETING row is deleted.
// A crash after 1 leaves a DELETING row: no take can start using it, and the next pass does 2 and 3.
// A crash after 2 leaves the same row without its object: 2 again is a no-op, then 3. So a file
// that something references is never deleted, and every started deletion finishes.

/** Rows handled per query; a pass repeats until nothing is left. */
const BATCH = 100;

export interface CollectDeps {
  db: Db;
  storage: Storage;
}

class StillReferenced extends Error {}

/** Step 1: DELETING if still idle since before `cutoff` and referenced by nothing. True if marked. */
export async function markForDeletion(client: Db, id: string, cutoff: Date): Promise<boolean> {
  try {
    return await withDbRetry(() =>
      client.$transaction(async (tx) => {
        const marked = await tx.upload.updateMany({
          where: { id, status: { in: ["READY", "STORING"] }, usedAt: { lt: cutoff } },
          data: { status: "DELETING" },
        });
        if (marked.count === 0) return false;
        const row = await tx.upload.findUniqueOrThrow({ where: { id }, select: { frameOfId: true } });
        const inputs = await tx.generationInput.count({ where: { uploadId: id } });
        const take = row.frameOfId ? await tx.generation.count({ where: { id: row.frameOfId, deletedAt: null } }) : 0;
        if (inputs + take > 0) throw new StillReferenced();
        return true;
      }, TX_OPTIONS),
    );
  } catch (e) {
    if (e instanceof StillReferenced) return false;
    throw e;
  }
}

/** Steps 2 and 3 for one DELETING row: its object, then the row. Idempotent. */
export async function finishDeletion(deps: CollectDeps, row: { id: string; storageKey: string }): Promise<void> {
  await deps.storage.delete(row.storageKey);
  await deps.db.upload.deleteMany({ where: { id: row.id, status: "DELETING" } });
}

/** Idle past the cutoff and (as far as this read sees) unreferenced; markForDeletion decides. */
async function candidates(client: Db, cutoff: Date, skip: Set<string>): Promise<string[]> {
  const rows = await client.upload.findMany({
    where: { status: { in: ["READY", "STORING"] }, usedAt: { lt: cutoff }, inputs: { none: {} }, id: { notIn: [...skip] } },
    select: { id: true, frameOfId: true },
    orderBy: { usedAt: "asc" },
    take: BATCH,
  });
  const takes = rows.flatMap((r) => (r.frameOfId ? [r.frameOfId] : []));
  const live = new Set(
    takes.length ? (await client.generation.findMany({ where: { id: { in: takes }, deletedAt: null }, select: { id: true } })).map((g) => g.id) : [],
  );
  for (const r of rows) if (r.frameOfId && live.has(r.frameOfId)) skip.add(r.id);
  return rows.filter((r) => !(r.frameOfId && live.has(r.frameOfId))).map((r) => r.id);
}

/** One pass: finishes earlier deletions, then deletes every upload unused for `graceMs`. Returns how many rows it deleted. */
export async function collectUploads(deps: CollectDeps, graceMs: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - graceMs);
  const kept = new Set<string>(); // candidates a pass found in use: not looked at again this pass
  let deleted = 0;
  for (;;) {
    for (const id of await candidates(deps.db, cutoff, kept)) if (!(await markForDeletion(deps.db, id, cutoff))) kept.add(id);
    const doomed = await deps.db.upload.findMany({ where: { status: "DELETING" }, select: { id: true, storageKey: true }, take: BATCH });
    if (doomed.length === 0) return deleted;
    for (const row of doomed) await finishDeletion(deps, row);
    deleted += doomed.length;
  }
}
