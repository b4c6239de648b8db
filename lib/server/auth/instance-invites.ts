import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../db";
import { hashToken } from "./register";

const TTL_MS = 7 * 24 * 3600_000;

/** Creates a single-use registration invitation; the token is returned once and stored only hashed. */
export async function createInstanceInvite(client: Db, createdById: string, email?: string) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TTL_MS);
  await client.instanceInvite.create({
    data: { tokenHash: hashToken(token), email: email?.trim().toLowerCase() || null, createdById, expiresAt },
  });
  return { token, expiresAt };
}
