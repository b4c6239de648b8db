import "server-only";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import type { Storage } from "../storage";

// The collector of unused uploads (run by the worker: lib/server/worker/upload-collector.ts). An
// upload is IN USE while a take has it as an input (GenerationInput: image, start and end frames — a
// remix or a retry reuses the same rows' uploads and gets its own GenerationInput rows) or while it
// is the last frame of a take that is not deleted (frameOfId), or while a film's shot names it as a
// frame source or a reference of the character/product library holds it (lib/server/films; their
// foreign keys also refuse the row's deletion), or while it is a still kept with a shot (ShotStill). The take's params JSON holds no upload
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

/** Rows per query; a pass pages through all of them. */
const BATCH = 100;

export interface CollectDeps {
  db: Db;
  storage: Storage;
}

class StillReferenced extends Error {}

/** Step 1: DELETING if still idle since before `cutoff` and referenced by nothing. True if marked. */
export async function markForDeletion(client: Db, id: string, cutoff: Date): Promise<boolean> {
  try {
    return await writeTransaction(client, async (tx) => {
      const marked = await tx.upload.updateMany({
        where: { id, status: { in: ["READY", "STORING"] }, usedAt: { lt: cutoff } },
        data: { status: "DELETING" },
      });
      if (marked.count === 0) return false;
      const row = await tx.upload.findUniqueOrThrow({ where: { id }, select: { frameOfId: true } });
      const inputs = await tx.generationInput.count({ where: { uploadId: id } });
      const take = row.frameOfId ? await tx.generation.count({ where: { id: row.frameOfId, deletedAt: null } }) : 0;
      const films =
        (await tx.shot.count({ where: { OR: [{ startUploadId: id }, { endUploadId: id }] } })) +
        (await tx.reference.count({ where: { uploadId: id } })) +
        (await tx.shotStill.count({ where: { uploadId: id } }));
      if (inputs + take + films > 0) throw new StillReferenced();
      return true;
    });
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

/**
 * One page (by id, after `after`) of uploads idle since before the cutoff: the ids that look unused
 * to this read (markForDeletion decides) and the page's last id, null when there is no more.
 */
async function candidates(client: Db, cutoff: Date, after: string): Promise<{ unused: string[]; last: string | null }> {
  const rows = await client.upload.findMany({
    where: { status: { in: ["READY", "STORING"] }, usedAt: { lt: cutoff }, id: { gt: after }, inputs: { none: {} }, shotStarts: { none: {} }, shotEnds: { none: {} }, references: { none: {} } },
    select: { id: true, frameOfId: true },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  const takes = rows.flatMap((r) => (r.frameOfId ? [r.frameOfId] : []));
  const live = new Set(
    takes.length ? (await client.generation.findMany({ where: { id: { in: takes }, deletedAt: null }, select: { id: true } })).map((g) => g.id) : [],
  );
  return { unused: rows.filter((r) => !(r.frameOfId && live.has(r.frameOfId))).map((r) => r.id), last: rows.length === BATCH ? (rows.at(-1)?.id ?? null) : null };
}

/** One pass: marks every upload unused for `graceMs`, then finishes every DELETING row (this pass's and any an earlier pass left). Returns the rows deleted. */
export async function collectUploads(deps: CollectDeps, graceMs: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - graceMs);
  for (let after: string | null = ""; after !== null; ) {
    const page: { unused: string[]; last: string | null } = await candidates(deps.db, cutoff, after);
    for (const id of page.unused) await markForDeletion(deps.db, id, cutoff);
    after = page.last;
  }
  let deleted = 0;
  for (;;) {
    const doomed = await deps.db.upload.findMany({ where: { status: "DELETING" }, select: { id: true, storageKey: true }, orderBy: { id: "asc" }, take: BATCH });
    if (doomed.length === 0) return deleted;
    for (const row of doomed) await finishDeletion(deps, row);
    deleted += doomed.length;
  }
}
