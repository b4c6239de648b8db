import "server-only";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { env } from "../env";
import { AppError } from "../errors";

// The per-user upload quota (UPLOAD_QUOTA_DAILY_MB per rolling 24 hours, UPLOAD_QUOTA_TOTAL_MB in
// all), checked BEFORE the object is written: the upload's row is inserted as STORING in the same
// transaction that sums what the user stores, so the bytes are reserved the moment they are
// counted. Parallel uploads of one user cannot both pass a quota only one of them fits, because the
// transaction starts by writing the user's row:
//   - PostgreSQL: that takes the row lock, so a second upload of the same user waits at that first
//     statement until the first commits (its STORING row then counted) or rolls back. Without the
//     lock, READ COMMITTED would let both sum the same committed rows and both insert.
//   - SQLite: the first write takes the database's single write lock for the whole transaction.
// The same write-first lock as the budget check (lib/server/budgets/enforce-budgets.ts).
// Counted: the user's uploaded images that are STORING or READY. A DELETING row (the collector took
// it) no longer counts, nor do takes' last frames (made by the worker, not uploaded: frameOfId set).

const MB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface UploadRow {
  id: string;
  ownerId: string;
  storageKey: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Inserts the upload's row as STORING when its bytes fit the owner's quotas; 413/429 otherwise. */
export async function reserveUpload(client: Db, row: UploadRow): Promise<void> {
  const { UPLOAD_QUOTA_DAILY_MB, UPLOAD_QUOTA_TOTAL_MB } = env();
  await writeTransaction(client, async (tx) => {
    const now = new Date();
    await tx.user.update({ where: { id: row.ownerId }, data: { updatedAt: now } });
    const stored = { ownerId: row.ownerId, frameOfId: null, status: { not: "DELETING" } } as const;
    const total = (await tx.upload.aggregate({ where: stored, _sum: { bytes: true } }))._sum.bytes ?? 0;
    if (total + row.bytes > UPLOAD_QUOTA_TOTAL_MB * MB) {
      throw new AppError("upload_quota_total", { vars: { used: mb(total), limit: UPLOAD_QUOTA_TOTAL_MB } });
    }
    const since = new Date(now.getTime() - DAY_MS);
    const day = (await tx.upload.aggregate({ where: { ...stored, createdAt: { gte: since } }, _sum: { bytes: true } }))._sum.bytes ?? 0;
    if (day + row.bytes > UPLOAD_QUOTA_DAILY_MB * MB) {
      throw new AppError("upload_quota_daily", { vars: { used: mb(day), limit: UPLOAD_QUOTA_DAILY_MB } });
    }
    await tx.upload.create({ data: { ...row, status: "STORING", createdAt: now, usedAt: now } });
  });
}
