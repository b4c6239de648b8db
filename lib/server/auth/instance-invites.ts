import "server-only";
import type { Db } from "../db";
import { linkTokenHash, newLinkToken } from "../link-token";

const TTL_MS = 7 * 24 * 3600_000;

/** Creates a single-use registration invitation; the token is returned once and stored only hashed. */
export async function createInstanceInvite(client: Db, createdById: string, email?: string) {
  const token = newLinkToken();
  const expiresAt = new Date(Date.now() + TTL_MS);
  await client.instanceInvite.create({
    data: { tokenHash: linkTokenHash(token), email: email?.trim().toLowerCase() || null, createdById, expiresAt },
  });
  return { token, expiresAt };
}
