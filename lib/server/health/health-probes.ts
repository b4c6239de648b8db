import "server-only";
import { statfs } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { GenerationStatus } from "@/lib/generated/sqlite/enums";
import type { Storage } from "@/lib/server/storage/storage";
import { isStorageError } from "@/lib/server/storage/storage-error";

// The individual checks behind GET /api/health. Each returns plain data and never an error message:
// the endpoint is public, so failures are reported as booleans/codes only (no hosts, no paths of
// secrets, no driver messages). Details go to the server log instead.

/** Object read by the storage probe; it normally does not exist (a miss proves the store answers). */
const PROBE_KEY = "health/probe";

export async function timed<T>(fn: () => Promise<T>, timeoutMs: number): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { value, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { error, ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export async function probeDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

/**
 * A read of a missing key exercises endpoint, credentials and bucket on S3 (GetObject tells
 * NoSuchKey from NoSuchBucket, HeadObject does not) and the media root on local disk.
 */
export async function probeStorage(storage: Storage): Promise<void> {
  try {
    const stream = await storage.read(PROBE_KEY, { start: 0, end: 0 });
    stream.destroy();
  } catch (err) {
    if (!isStorageError(err, "not_found")) throw err;
  }
}

export interface QueueDepth {
  queued: number;
  /** Tasks counted against the upstream concurrency cap: being submitted or processing upstream. */
  inFlight: number;
  byStatus: Record<GenerationStatus, number>;
}

export async function readQueue(db: Db): Promise<QueueDepth> {
  const groups = await db.generation.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus = Object.fromEntries(Object.values(GenerationStatus).map((s) => [s, 0])) as Record<GenerationStatus, number>;
  for (const g of groups) byStatus[g.status] = g._count._all;
  return { queued: byStatus.QUEUED, inFlight: byStatus.SUBMITTING + byStatus.PROCESSING, byStatus };
}

export async function readDiskFree(dir: string): Promise<{ freeBytes: number; path: string }> {
  const abs = path.resolve(dir);
  const s = await statfs(abs);
  return { freeBytes: Number(s.bavail) * Number(s.bsize), path: abs };
}

