import "server-only";
import type { Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { withDbRetry } from "@/lib/server/db/retry";

// A lane's configured cap is what we believe the account allows (MODEL_CONCURRENCY per video model;
// the platform publishes tiers but not the live number, and throttles at peak hours). A refusal for
// concurrency below it proves the account allows less right now. AIMD-style: on such a refusal drop
// the effective cap to below what was in flight, then win it back one slot per RECOVER_ACCEPTS
// accepted creates or per RECOVER_MS without a refusal. Stored in Setting "lane.cap.<lane>" so every
// process claims against the same number.

export const RECOVER_ACCEPTS = 5;
const RECOVER_MS = 5 * 60_000;

export interface CapState {
  cap: number;
  accepts: number;
  /** ISO time of the last decrease (or recovery step). */
  changedAt: string;
}

const keyOf = (lane: string) => `lane.cap.${lane}`;

/** Pure: after a concurrency refusal seen while `inFlight` jobs (ours included) held a slot of the lane. */
export function lowered(state: CapState | null, configured: number, inFlight: number, now: Date): CapState {
  const current = Math.min(configured, state?.cap ?? configured);
  return { cap: Math.max(1, Math.min(current - 1, inFlight - 1)), accepts: 0, changedAt: now.toISOString() };
}

/** Pure: after an accepted create (or a periodic check with accepted=false). */
export function recovered(state: CapState, configured: number, now: Date, timeScale: number, accepted: boolean): CapState {
  if (state.cap >= configured) return { ...state, cap: configured };
  const accepts = state.accepts + (accepted ? 1 : 0);
  const quiet = now.getTime() - Date.parse(state.changedAt) >= RECOVER_MS / timeScale;
  if (accepts >= RECOVER_ACCEPTS || quiet) return { cap: state.cap + 1, accepts: 0, changedAt: now.toISOString() };
  return { ...state, accepts };
}

function parse(value: unknown): CapState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.cap !== "number" || typeof v.accepts !== "number" || typeof v.changedAt !== "string") return null;
  return { cap: v.cap, accepts: v.accepts, changedAt: v.changedAt };
}

async function read(db: Db, lane: string): Promise<CapState | null> {
  return parse((await db.setting.findUnique({ where: { key: keyOf(lane) } }))?.value);
}

async function write(db: Db, lane: string, state: CapState): Promise<void> {
  const value = { ...state };
  await db.setting.upsert({ where: { key: keyOf(lane) }, create: { key: keyOf(lane), value }, update: { value } });
}

/** The cap claims use now; also lets a quiet period restore slots when nothing is being accepted. */
export async function effectiveCap(db: Db, lane: string, configured: number, timeScale: number): Promise<number> {
  const state = await read(db, lane);
  if (!state) return configured;
  const next = recovered(state, configured, new Date(), timeScale, false);
  if (next.cap !== state.cap) await withDbRetry(() => write(db, lane, next));
  return Math.min(configured, next.cap);
}

export async function noteQueueRefusal(db: Db, lane: string, configured: number, inFlight: number): Promise<number> {
  return withDbRetry(async () => {
    const next = lowered(await read(db, lane), configured, inFlight, new Date());
    await write(db, lane, next);
    logger.warn("jobs.lane_cap_lowered", { lane, cap: next.cap, inFlight });
    return next.cap;
  });
}

export async function noteAccepted(db: Db, lane: string, configured: number, timeScale: number): Promise<void> {
  const state = await read(db, lane);
  if (!state || state.cap >= configured) return;
  await withDbRetry(() => write(db, lane, recovered(state, configured, new Date(), timeScale, true)));
}
