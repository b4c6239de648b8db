import "server-only";
import { type Actor, endSessions } from "../auth/session";
import { countUserSessions } from "../auth/user-sessions";
import { type Db, providerOfDb } from "../db";
import { writeTransaction } from "../db/retry";
import { lockForTransaction } from "../db/transaction-lock";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import type { AdminUserRow } from "@/lib/shared/account-views";
import { periodOf } from "@/lib/shared/period";

// Instance administration of accounts (instance admins only; the routes use auth "admin"). Disabling
// sets disabledAt and ends the user's sessions (auth/session.ts): every request and every open live
// stream of theirs fails from its next request or tick. Enabling clears disabledAt only; the old
// sessions stay ended, so the user signs in again.

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  disabledAt: string | null;
  createdAt: string;
}

const LIST_LIMIT = 1_000;
const SELECT = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const;
const LIST_SELECT = { ...SELECT, lastSeenAt: true } as const;

function toRow(u: { id: string; email: string; name: string | null; role: "USER" | "ADMIN"; disabledAt: Date | null; createdAt: Date }): UserRow {
  return { ...u, disabledAt: u.disabledAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() };
}

/**
 * The accounts of this instance, oldest first (at most LIST_LIMIT), with when each was last seen, how
 * many browsers are signed in to it (a count, one grouped query) and
 * what each spent this calendar month in every workspace (HOLD − REFUND, the rule budgets count by).
 * `q` keeps the accounts whose email or display name contains it (case-insensitive on both databases:
 * the filter runs here, over at most LIST_LIMIT rows, instead of relying on each database's collation).
 */
export async function listUsers(client: Db, q = "", now = new Date()): Promise<{ users: AdminUserRow[] }> {
  const rows = await client.user.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: LIST_LIMIT, select: LIST_SELECT });
  const needle = q.trim().toLowerCase();
  const shown = needle ? rows.filter((u) => u.email.toLowerCase().includes(needle) || (u.name ?? "").toLowerCase().includes(needle)) : rows;
  const month = periodOf("month", now, env().BUDGET_TIME_ZONE);
  const sums = shown.length
    ? await client.ledgerEntry.groupBy({
        by: ["userId", "kind"],
        where: { kind: { in: ["HOLD", "REFUND"] }, createdAt: { gte: month.start, lt: month.end }, userId: { in: shown.map((u) => u.id) } },
        _sum: { amountFen: true },
      })
    : [];
  const sessions = await countUserSessions(client, shown.map((u) => u.id), now);
  const spent = new Map<string, number>();
  for (const r of sums) spent.set(r.userId, (spent.get(r.userId) ?? 0) + (r.kind === "HOLD" ? 1 : -1) * (r._sum.amountFen ?? 0));
  return {
    users: shown.map((u) => ({ ...toRow(u), lastSeenAt: u.lastSeenAt?.toISOString() ?? null, activeSessions: sessions.get(u.id) ?? 0, spentThisMonthFen: spent.get(u.id) ?? 0 })),
  };
}

/**
 * Disables or enables `userId`. An admin cannot disable themself, nor the last enabled instance
 * admin: the count and the write are one transaction under one instance-wide lock, so two admins
 * disabling each other at once leave one of them enabled.
 */
export async function setUserDisabled(client: Db, actor: Actor, userId: string, disabled: boolean, ip: string): Promise<UserRow> {
  if (disabled && userId === actor.id) throw new AppError("cannot_disable_self");
  const provider = providerOfDb(client);
  return writeTransaction(client, async (tx) => {
    await lockForTransaction(tx, provider, "framehouse.instance-admins");
    const user = await tx.user.findUnique({ where: { id: userId }, select: SELECT });
    if (!user) throw new AppError("not_found");
    if (disabled === !!user.disabledAt) return toRow(user); // already so: nothing to change or record
    if (disabled && user.role === "ADMIN") {
      const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
      if (others === 0) throw new AppError("last_admin");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null }, select: SELECT });
    if (disabled) await endSessions(tx, userId);
    await recordAudit(tx, { teamId: null, actorId: actor.id, action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: userId, ip });
    return toRow(updated);
  });
}
