/** A fresh Idempotency-Key: one per submit intent, reused for every retry of that intent. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-http LAN installs fall back to getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Remembers the key of the current intent: the same payload keeps its key (a double-click or a
 * retry after a network error makes one clip); a changed payload or a success starts a new intent.
 */
export class IntentKey {
  private key: string | null = null;
  private payload: string | null = null;

  for(payload: unknown): string {
    const p = JSON.stringify(payload);
    if (!this.key || this.payload !== p) {
      this.key = newIdempotencyKey();
      this.payload = p;
    }
    return this.key;
  }

  reset(): void {
    this.key = null;
    this.payload = null;
  }
}
