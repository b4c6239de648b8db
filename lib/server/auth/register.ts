import "server-only";
import type { SignUpInput } from "@/lib/shared/account-schemas";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { linkTokenHash } from "../link-token";
import { AppError } from "../errors";
import { getRegistrationMode } from "../settings/registration";
import { claimFirstAdmin, claimFirstAdminIn } from "./first-admin";
import { normalizeEmail } from "./login-throttle";
import { hashPassword } from "./password";

export type Registration = { created: true; id: string; email: string; role: "USER" | "ADMIN" } | { created: false; email: string };

/**
 * An open team invitation link also lets its holder register while registration is invite-only: a team
 * admin handed it to a person to bring them in, and that person usually has no account yet (the
 * /join page offers sign-up first). Registering does not use the link up; joining the team does. The
 * open-link rule is teams/invite-state.ts's, repeated here because this layer comes before teams.
 */
async function isOpenTeamLink(client: Db, token: string, now = new Date()): Promise<boolean> {
  const link = await client.teamInvite.findFirst({
    where: { tokenHash: linkTokenHash(token), revokedAt: null, declinedAt: null, expiresAt: { gt: now }, uses: { lt: client.teamInvite.fields.maxUses }, team: { deletedAt: null } },
    select: { id: true },
  });
  return !!link;
}

/**
 * Creates an account. The very first account may always register (and becomes instance admin);
 * after that, invite-only mode requires an unused, unexpired instance invitation (consumed) or an
 * open team invitation link (not consumed here).
 *
 * On an invite-only instance without accounts, the account and the first-admin claim commit together:
 * of many simultaneous first sign-ups exactly one gets in (as admin) and the others are refused with
 * registration_closed, so strangers racing the owner to a fresh instance do not keep accounts.
 *
 * An email that already has an account is not an error: the same work is done (the password is
 * hashed, the insert fails on the unique email and is rolled back with any invitation it consumed)
 * and nothing changes, so the caller can answer exactly as for a new account and sign-up does not
 * tell anyone which emails are registered. The owner of that email can simply sign in.
 */
export async function registerUser(client: Db, input: SignUpInput): Promise<Registration> {
  const email = normalizeEmail(input.email);
  const mode = await getRegistrationMode(client);
  const anyUser = await client.user.findFirst({ select: { id: true } });
  let inviteId: string | undefined;
  const firstOfInviteOnly = mode === "invite" && !anyUser;
  if (mode === "invite" && anyUser) {
    if (!input.invite) throw new AppError("registration_closed");
    const invite = await client.instanceInvite.findUnique({ where: { tokenHash: linkTokenHash(input.invite) } });
    const usable = invite && !invite.usedAt && invite.expiresAt > new Date() && (!invite.email || invite.email === email);
    if (usable) inviteId = invite.id;
    else if (!(await isOpenTeamLink(client, input.invite))) throw new AppError("invalid_invite");
  }
  const passwordHash = await hashPassword(input.password);
  let user;
  try {
    user = await writeTransaction(client, async (tx) => {
      if (inviteId) {
        // Conditional update: a single-use invite can be consumed only once, even in a race.
        const used = await tx.instanceInvite.updateMany({ where: { id: inviteId, usedAt: null }, data: { usedAt: new Date() } });
        if (used.count !== 1) throw new AppError("invalid_invite");
      }
      const created = await tx.user.create({ data: { email, passwordHash, name: input.name || null } });
      if (firstOfInviteOnly) await claimFirstAdminIn(tx, created.id);
      return created;
    });
  } catch (err) {
    if ((err as { code?: string }).code !== "P2002") throw err;
    // Either the email is taken (answered like a new account, above) or, on a fresh invite-only
    // instance, another sign-up claimed the first admin first: then this one needed an invitation.
    if (firstOfInviteOnly && !(await client.user.findUnique({ where: { email }, select: { id: true } }))) throw new AppError("registration_closed");
    return { created: false, email };
  }
  if (firstOfInviteOnly) return { created: true, id: user.id, email: user.email, role: "ADMIN" };
  const admin = await claimFirstAdmin(client, user.id);
  return { created: true, id: user.id, email: user.email, role: admin ? "ADMIN" : "USER" };
}
