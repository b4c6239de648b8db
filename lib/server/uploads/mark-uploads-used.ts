import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { AppError } from "../errors";

/**
 * Inside the transaction that creates a take: marks its input uploads used now, only while they are
 * READY (or STORING: the reserved row of a last frame still being extracted, which the take's job
 * waits for — a plain upload still STORING was refused before the transaction), and refuses (409
 * upload_deleting) when one is not — the collector has marked it DELETING.
 * This write to each upload's row is what orders a new reference against the collector's mark
 * (lib/server/uploads/collect-uploads.ts): of the two, the one that commits second sees the other.
 */
export async function markUploadsUsed(tx: Prisma.TransactionClient, ids: readonly string[], now: Date): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const used = await tx.upload.updateMany({ where: { id: { in: unique }, status: { in: ["READY", "STORING"] } }, data: { usedAt: now } });
  if (used.count !== unique.length) throw new AppError("upload_deleting");
}
