import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Making and storing link tokens (share links, team invitation links, registration invitations).
// The token is returned once, at creation; the database keeps only its SHA-256 (hex), so a leaked
// database or backup holds no usable link.

/** A new token in the shape LINK_TOKEN_PATTERN (lib/shared/link-token.ts) accepts. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored and looked up instead of the token. */
export function linkTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
