import "server-only";
import { createHash } from "node:crypto";

// Several takes from one request (the studio's "3 takes", a film shot's takes): one Idempotency-Key
// for the request, one derived key per take, so sending the same request again replays every take
// instead of making new ones. The suffix uses "." which a client's key cannot contain
// (idempotency-key.ts), so a derived key never collides with a key a client chose.
export function takeKey(requestKey: string, index: number): string {
  return `${requestKey}.${index}`;
}

/**
 * The group id the takes of one request share: derived from the owner and the request's key, so a
 * replayed or resumed request (some takes made, then the same key again) files every take in the
 * same group. Hex, so it passes the id rule (lib/shared/ids.ts) as a query parameter.
 */
export function takeGroupIdOf(ownerId: string, requestKey: string): string {
  return createHash("sha256").update(`${ownerId}\0${requestKey}`).digest("hex").slice(0, 32);
}
