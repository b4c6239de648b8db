import "server-only";

// Several takes from one request (the studio's "3 takes", a film shot's takes): one Idempotency-Key
// for the request, one derived key per take, so sending the same request again replays every take
// instead of making new ones. The suffix uses "." which a client's key cannot contain
// (idempotency-key.ts), so a derived key never collides with a key a client chose.
export function takeKey(requestKey: string, index: number): string {
  return `${requestKey}.${index}`;
}
