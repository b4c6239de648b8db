import "server-only";
import type { Db } from "../db";
import { readBreaker as readStoredBreaker } from "../worker/breaker";

// The upstream circuit breaker as the API (studio banner) and /api/health report it. The worker
// owns the stored state (lib/server/worker/breaker.ts); this is only its public view: the upstream's
// message stays in the logs and alerts. A missing or malformed value reads as "closed".
export interface BreakerState {
  open: boolean;
  code: string | null;
  since: string | null;
}

export async function readBreaker(client: Db): Promise<BreakerState> {
  const s = await readStoredBreaker(client);
  return { open: s.open, code: s.code ?? null, since: s.since ?? null };
}
