import "server-only";
import { z } from "zod";
import type { Db } from "../db";
import { dummyHash, verifyPassword } from "./password";
import { normalizeEmail, reserveAttempt, settleAttempt } from "./login-throttle";

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(200) });

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email + password. Unknown email and wrong password give the same answer and take the
 * same time (a dummy hash is verified); a locked (email, ip) pair is refused before any check, and
 * the attempt is recorded before the password is verified (login-throttle.ts).
 */
export async function checkCredentials(client: Db, input: unknown, ip: string): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normalizeEmail(parsed.data.email);
  const reserved = await reserveAttempt(client, email, ip);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(reserved.retryAfterMs / 1000) };

  const user = await client.user.findUnique({ where: { email } });
  const hash = user?.passwordHash ?? (await dummyHash());
  const valid = (await verifyPassword(parsed.data.password, hash)) && !!user?.passwordHash && !user.disabledAt;
  await settleAttempt(client, email, ip, valid);
  if (!valid || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
