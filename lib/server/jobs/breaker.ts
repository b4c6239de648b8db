import "server-only";
import type { Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import type { BreakerView } from "@/lib/shared/upstream-status-view";
import { upstreamCodeMessages } from "@/lib/shared/upstream/error-codes";
import { withDbRetry } from "@/lib/server/db/retry";

// The account-wide circuit breaker (docs/reliability.md, "Account problems stop submits"). 1113 arrears, auth failures, locked accounts
// and daily limits are not per-clip problems: retrying every queued clip would hammer the upstream
// and fail clips that will work once an operator tops up. So the first such answer opens the
// breaker (Setting "upstream.breaker" = {open, code, since}), queued clips simply wait, at most one
// probe submit is sent per interval (across all processes), and the first accepted create closes it.

const BREAKER_KEY = "upstream.breaker";
const PROBE_KEY = "upstream.breaker.probe";

export interface BreakerState {
  open: boolean;
  code?: string;
  since?: string;
  message?: string;
}

export type BreakerEvent = { type: "breaker-error"; code: string; message: string; at: Date } | { type: "accepted" };

/** Pure transition (unit tested): an account-level error opens, an accepted create closes. */
export function nextBreakerState(state: BreakerState, event: BreakerEvent): BreakerState {
  if (event.type === "accepted") return state.open ? { open: false } : state;
  if (state.open && state.code === event.code) return state; // keep the original `since`
  return { open: true, code: event.code, message: event.message, since: (state.open && state.since) || event.at.toISOString() };
}

/** Pure: may a probe go out now, given when the last one went? */
export function probeDue(lastProbeAt: Date | null, now: Date, intervalMs: number): boolean {
  return lastProbeAt === null || now.getTime() - lastProbeAt.getTime() >= intervalMs;
}

function parseState(value: unknown): BreakerState {
  if (typeof value !== "object" || value === null) return { open: false };
  const v = value as Record<string, unknown>;
  return {
    open: v.open === true,
    ...(typeof v.code === "string" ? { code: v.code } : {}),
    ...(typeof v.since === "string" ? { since: v.since } : {}),
    ...(typeof v.message === "string" ? { message: v.message } : {}),
  };
}

export async function readBreaker(db: Db): Promise<BreakerState> {
  const row = await db.setting.findUnique({ where: { key: BREAKER_KEY } });
  return parseState(row?.value);
}

/** Opens (or keeps open) the breaker; writes one Alert when it was closed. */
export async function recordBreakerError(db: Db, code: string, message: string): Promise<void> {
  await withDbRetry(async () => {
    const before = await readBreaker(db);
    const after = nextBreakerState(before, { type: "breaker-error", code, message, at: new Date() });
    if (after === before) return;
    await db.setting.upsert({ where: { key: BREAKER_KEY }, create: { key: BREAKER_KEY, value: { ...after } }, update: { value: { ...after } } });
    if (!before.open) {
      await db.alert.create({ data: { kind: "upstream.breaker", message: `Upstream refused submits with code ${code}: ${message}` } });
      logger.error("worker.breaker_open", { code });
    }
  });
}

/** Closes the breaker after an accepted create and resolves its alerts. */
export async function recordAccepted(db: Db, known?: BreakerState): Promise<void> {
  const before = known ?? (await readBreaker(db));
  if (!before.open) return;
  await withDbRetry(async () => {
    await db.setting.update({ where: { key: BREAKER_KEY }, data: { value: { open: false } } });
    await db.alert.updateMany({ where: { kind: "upstream.breaker", resolvedAt: null }, data: { resolvedAt: new Date() } });
  });
  logger.info("worker.breaker_closed", { code: before.code });
}

/**
 * Takes the single probe slot of this interval. Conditional update on the probe row's updatedAt,
 * so among all processes exactly one wins per interval.
 */
export async function takeProbeSlot(db: Db, intervalMs: number): Promise<boolean> {
  const now = new Date();
  const existing = await db.setting.findUnique({ where: { key: PROBE_KEY } });
  if (!existing) {
    try {
      await db.setting.create({ data: { key: PROBE_KEY, value: { at: now.toISOString() } } });
      return true;
    } catch {
      return false; // another process created it first: it owns this probe
    }
  }
  if (!probeDue(existing.updatedAt, now, intervalMs)) return false;
  const { count } = await db.setting.updateMany({
    where: { key: PROBE_KEY, updatedAt: existing.updatedAt },
    data: { value: { at: now.toISOString() } },
  });
  return count === 1;
}

/** The breaker as the studio banner and /api/health show it: the upstream's message stays in logs and alerts. */
export async function readBreakerView(db: Db): Promise<BreakerView> {
  const s = await readBreaker(db);
  return { open: s.open, code: s.code ?? null, message: s.code ? upstreamCodeMessages(s.code) : null, since: s.since ?? null };
}
