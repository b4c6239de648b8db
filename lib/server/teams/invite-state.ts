import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Db } from "../db";

// "Open" = usable right now: not revoked, not declined, not expired, uses left, team not deleted.
// The same rule as a row predicate (checks) and as a `where` (lists, and the conditional use update).

type InviteClient = Pick<Db, "teamInvite"> | Prisma.TransactionClient;

interface InviteState {
  revokedAt: Date | null;
  declinedAt: Date | null;
  expiresAt: Date;
  uses: number;
  maxUses: number;
}

export function isInviteOpen(i: InviteState, now = new Date()): boolean {
  return i.revokedAt === null && i.declinedAt === null && i.expiresAt > now && i.uses < i.maxUses;
}

export function openInviteWhere(client: InviteClient, now = new Date()) {
  return {
    revokedAt: null,
    declinedAt: null,
    expiresAt: { gt: now },
    uses: { lt: client.teamInvite.fields.maxUses },
    team: { deletedAt: null },
  } satisfies Prisma.TeamInviteWhereInput;
}
