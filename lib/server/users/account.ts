import "server-only";
import type { PasswordChangeInput, ProfileInput } from "@/lib/shared/account-schemas";
import type { AccountView } from "@/lib/shared/account-views";
import { type Actor, endSessions } from "../auth/session";
import { hashPassword, verifyPassword } from "../auth/password";
import { revokeUserSessions } from "../auth/user-sessions";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";

// A person's own account (/account): display name, language, password, and ending their sessions.
// Every function acts on the actor only; there is no user id to pass, so there is nothing to authorize
// beyond being signed in.

const SELECT = { id: true, email: true, name: true, locale: true, role: true, passwordHash: true } as const;

export async function getAccount(client: Db, actor: Actor): Promise<AccountView> {
  const u = await client.user.findUniqueOrThrow({ where: { id: actor.id }, select: SELECT });
  return { id: u.id, email: u.email, name: u.name, locale: u.locale === "en" || u.locale === "zh-CN" ? u.locale : null, role: u.role, hasPassword: !!u.passwordHash };
}

export async function updateProfile(client: Db, actor: Actor, input: ProfileInput): Promise<AccountView> {
  const data: { name?: string | null; locale?: string } = {};
  if (input.name !== undefined) data.name = input.name ? input.name : null;
  if (input.locale !== undefined) data.locale = input.locale;
  if (Object.keys(data).length) await client.user.update({ where: { id: actor.id }, data });
  return getAccount(client, actor);
}

/**
 * Changes the actor's password. The current one is required (a field error when wrong, so a session
 * left open on a shared computer cannot take the account over). The session version moves on in the
 * same write, which ends every session of the account, and the other devices' rows are revoked; the
 * caller re-issues this device's session (same row) under the returned version, so the person who
 * changed it stays signed in here.
 */
export async function changePassword(client: Db, actor: Actor, input: PasswordChangeInput, ip: string): Promise<{ sessionVersion: number }> {
  const user = await client.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  // An account made through GitHub/OIDC has no password: nothing can match the current one.
  const ok = !!user.passwordHash && (await verifyPassword(input.current, user.passwordHash));
  if (!ok) throw new AppError("wrong_password", { fields: [{ path: "current", key: "errors.field.currentPassword" }] });
  const passwordHash = await hashPassword(input.next);
  return writeTransaction(client, async (tx) => {
    const updated = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await revokeUserSessions(tx, actor.id, actor.sessionId);
    await recordAudit(tx, { teamId: null, actorId: actor.id, action: "account.password_change", targetType: "user", targetId: actor.id, ip });
    return { sessionVersion: updated.sessionVersion };
  });
}

/** Ends every session of the actor, this device's included (it signs in again). */
export async function signOutEverywhere(client: Db, actor: Actor, ip: string): Promise<void> {
  await writeTransaction(client, async (tx) => {
    await endSessions(tx, actor.id);
    await recordAudit(tx, { teamId: null, actorId: actor.id, action: "account.sign_out_everywhere", targetType: "user", targetId: actor.id, ip });
  });
}
