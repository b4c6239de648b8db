import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Link invitations carry a 256-bit random token; only its SHA-256 is stored, so a database leak
// does not leak usable links. The token is shown once, at creation.

export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function inviteTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
