import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { SHARE_TOKEN_RE } from "./share-views";

// Share links carry a 256-bit random token; the database keeps only its SHA-256 (hex), so a leaked
// database or backup holds no usable link. The token is returned once, when the link is created.

export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export function shareTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isShareToken(value: string): boolean {
  return SHARE_TOKEN_RE.test(value);
}
