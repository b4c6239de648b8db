import "server-only";
import type { Generation, Prisma } from "@/lib/generated/sqlite/client";
import type { Db } from "@/lib/server/db";
import { withDbRetry } from "@/lib/server/worker/db-retry";
import { assertTransition, type Status } from "./state-machine";

// Every write after a claim is fenced (RELIABILITY §3.3): it only applies while the row still has
// our lease owner AND the version we last wrote, and it bumps the version. A worker that stalled
// past its lease (SIGSTOP, GC pause) and wakes up finds its writes refused instead of overwriting
// the newer owner's progress. The state machine is checked before anything is sent to the DB.

export type Tx = Prisma.TransactionClient;

export interface Lease {
  id: string;
  owner: string;
  version: number;
  status: Status;
}

export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
  constructor(readonly lease: Lease) {
    super(`lease on generation ${lease.id} (v${lease.version}) is no longer ours`);
  }
}

export type FencedData = Omit<Prisma.GenerationUpdateManyMutationInput, "status" | "version" | "leaseOwner" | "leaseUntil">;

export interface FencedOptions {
  /** Give the row back (leaseOwner/leaseUntil cleared) so any worker may claim it when due. */
  release?: boolean;
}

/** One fenced UPDATE; resolves with the lease at the new version, throws LeaseLostError if fenced out. */
export async function fencedUpdate(
  client: Db | Tx,
  lease: Lease,
  to: Status,
  data: FencedData,
  opts: FencedOptions = {},
): Promise<Lease> {
  assertTransition(lease.status, to);
  const { count } = await client.generation.updateMany({
    where: { id: lease.id, leaseOwner: lease.owner, version: lease.version, status: lease.status },
    data: {
      ...data,
      status: to,
      version: { increment: 1 },
      ...(opts.release ? { leaseOwner: null, leaseUntil: null } : {}),
    },
  });
  if (count !== 1) throw new LeaseLostError(lease);
  return { ...lease, status: to, version: lease.version + 1 };
}

/**
 * A fenced update plus side effects (ledger rows, alerts, assets) in one transaction: the update
 * runs FIRST, so on SQLite the transaction takes the write lock with its first statement (a
 * deferred read-then-write transaction would fail at once with SQLITE_BUSY, RELIABILITY §0.3),
 * and a fenced-out worker never writes its effects.
 */
export async function fencedTransition(
  db: Db,
  lease: Lease,
  to: Status,
  data: FencedData,
  effect?: (tx: Tx, row: Generation) => Promise<void>,
  opts: FencedOptions = {},
): Promise<Lease> {
  if (!effect) return withDbRetry(() => fencedUpdate(db, lease, to, data, opts));
  return withDbRetry(() =>
    db.$transaction(async (tx) => {
      const next = await fencedUpdate(tx, lease, to, data, opts);
      const row = await tx.generation.findUniqueOrThrow({ where: { id: lease.id } });
      await effect(tx, row);
      return next;
    }),
  );
}
