import { useEffect, useState } from "react";

// The server signs media URLs with an expiry that moves on every quarter of their lifetime, and every
// view of a clip it sends carries freshly signed URLs. A clip's view also changes for reasons that do
// not touch its video (the poster and preview arrive right after it is stored), so a player can be
// handed a new URL for the very same object; setting it as `src` reloads the media, drops the buffer
// and puts the player back at 0, paused. A player keeps the URL it has while that one stays valid.

/** When (ms since the epoch) a signed media URL stops working: ours (`e`) or an S3 presign; null if unknown. */
export function signedUrlExpiryMs(url: string): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://relative.invalid");
  } catch {
    return null;
  }
  const q = parsed.searchParams;
  const e = Number(q.get("e"));
  if (q.has("e") && Number.isFinite(e)) return e * 1000;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(q.get("X-Amz-Date") ?? "");
  const lifetime = Number(q.get("X-Amz-Expires"));
  if (!m || !q.has("X-Amz-Expires") || !Number.isFinite(lifetime)) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + lifetime * 1000;
}

/** How long before its expiry a URL is traded for the fresh one anyway (a seek needs a new range request). */
const RENEW_BEFORE_MS = 60_000;

/** Whether a player showing `current` can ignore `next`: same object (path), and `current` is not about to expire. */
export function keepsMediaSrc(current: string | undefined, next: string | undefined, nowMs: number): boolean {
  if (!current || !next || current === next) return current === next;
  const pathOf = (u: string) => new URL(u, "http://relative.invalid").pathname;
  const expiry = signedUrlExpiryMs(current);
  return pathOf(current) === pathOf(next) && expiry !== null && expiry - nowMs > RENEW_BEFORE_MS;
}

/**
 * A video's URL as its player keeps it: a re-signed URL of the same video does not reload the player
 * (only a new object or an expiring URL is worth a reload: it rewinds the player and drops its buffer).
 */
export function useSteadyMediaSrc(url: string | undefined): string | undefined {
  const [src, setSrc] = useState(url);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- adopting a prop only when it must be
    if (!keepsMediaSrc(src, url, Date.now())) setSrc(url);
  }, [src, url]);
  return src;
}
