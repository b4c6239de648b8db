import "server-only";
import type { Actor } from "../auth/session";
import { hashPassword } from "../auth/password";
import { revokeUserSessions } from "../auth/user-sessions";
import type { Db } from "../db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { linkTokenHash, newLinkToken } from "../link-token";
import { recordAudit } from "../audit/record-audit";
import { isLinkToken } from "@/lib/shared/link-token";

// Password reset without email: an instance admin makes a one-time link for a user and hands it over
// (chat, in person); whoever opens it sets a new password. With SMTP configured, people can also ask
// for one by email (request-reset.ts): the same kind of link, mailed, with no creator. Like invitations,
// only the token's SHA-256 is stored and the token is shown (or mailed) once. A link works once and for
// RESET_LINK_TTL_MS; using it ends every session of the account (the session version moves on with the
// new password). An admin's new link leaves older unused ones valid until they expire: each was shown
// to the admin only, and revoking them would need a list the UI does not have yet. A mailed link
// replaces the previous mailed one (only the newest mail works), and leaves admins' links alone.
const RESET_LINK_TTL_MS = 24 * 3600_000;

/** Stores a new reset link for `userId` inside the caller's transaction; `createdById` null = asked for by email. */
export async function insertResetLink(tx: Prisma.TransactionClient, userId: string, createdById: string | null, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS);
  if (createdById === null) {
    await tx.passwordReset.updateMany({ where: { userId, createdById: null, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  }
  await tx.passwordReset.create({ data: { tokenHash: linkTokenHash(token), userId, createdById, expiresAt } });
  return { token, expiresAt };
}

/** Makes a reset link's token for `userId` (audited); the caller builds the URL from it. */
export async function createResetLink(client: Db, actor: Actor, userId: string, ip: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  return writeTransaction(client, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("not_found");
    const link = await insertResetLink(tx, userId, actor.id, now);
    await recordAudit(tx, { teamId: null, actorId: actor.id, action: "user.reset_link", targetType: "user", targetId: userId, ip });
    return link;
  });
}

/** The account a reset link is for, or null when the link is malformed, unknown, used or expired. */
export async function openResetLink(client: Db, token: string, now = new Date()): Promise<{ email: string } | null> {
  if (!isLinkToken(token)) return null;
  const row = await client.passwordReset.findUnique({ where: { tokenHash: linkTokenHash(token) }, select: { usedAt: true, expiresAt: true, user: { select: { email: true, disabledAt: true } } } });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  return { email: row.user.email };
}

/**
 * Sets a new password through a reset link: the link is consumed by a conditional update (of two
 * tabs submitting at once exactly one wins), the password replaced and every session ended, in one
 * transaction. A disabled account stays disabled: the link is refused like an expired one.
 */
export async function resetPassword(client: Db, token: string, password: string, ip: string, now = new Date()): Promise<{ email: string }> {
  if (!isLinkToken(token)) throw new AppError("reset_link_invalid");
  const passwordHash = await hashPassword(password);
  return writeTransaction(client, async (tx) => {
    const row = await tx.passwordReset.findUnique({ where: { tokenHash: linkTokenHash(token) }, select: { id: true, userId: true, user: { select: { email: true, disabledAt: true } } } });
    if (!row || row.user.disabledAt) throw new AppError("reset_link_invalid");
    const used = await tx.passwordReset.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (used.count !== 1) throw new AppError("reset_link_invalid");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeUserSessions(tx, row.userId, null);
    await recordAudit(tx, { teamId: null, actorId: row.userId, action: "user.password_reset", targetType: "user", targetId: row.userId, ip });
    return { email: row.user.email };
  });
}
