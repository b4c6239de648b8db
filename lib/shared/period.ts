// Budget periods. Months and days are counted in the instance's budget time zone (BUDGET_TIME_ZONE,
// default Asia/Shanghai — BigModel bills in CST), so "this month" means what the team's invoice means.
// Pure functions over an explicit `now` so tests can pin the clock.

export type PeriodKind = "month" | "day";

function partsIn(timeZone: string, at: Date): { y: number; m: number; d: number } {
  const f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const [y, m, d] = f.format(at).split("-").map(Number);
  return { y: y!, m: m!, d: d! };
}

/** Offset (ms) of `timeZone` from UTC at instant `at`. */
function offsetMs(timeZone: string, at: Date): number {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The UTC instant of local midnight y-m-d in `timeZone`. */
export function localMidnight(timeZone: string, y: number, m: number, d: number): Date {
  const guess = new Date(Date.UTC(y, m - 1, d));
  const first = new Date(guess.getTime() - offsetMs(timeZone, guess));
  // Re-evaluate once at the candidate instant (DST changes between guess and result).
  return new Date(guess.getTime() - offsetMs(timeZone, first));
}

/** [start, end) of the month or day containing `now`. */
export function periodOf(kind: PeriodKind, now: Date, timeZone: string): { start: Date; end: Date } {
  const { y, m, d } = partsIn(timeZone, now);
  if (kind === "day") {
    const start = localMidnight(timeZone, y, m, d);
    const next = partsIn(timeZone, new Date(start.getTime() + 36 * 3600 * 1000));
    return { start, end: localMidnight(timeZone, next.y, next.m, next.d) };
  }
  const start = localMidnight(timeZone, y, m, 1);
  const end = m === 12 ? localMidnight(timeZone, y + 1, 1, 1) : localMidnight(timeZone, y, m + 1, 1);
  return { start, end };
}

/** "2026-11-24" of an instant in `timeZone` (usage chart buckets, CSV rows). */
export function localDay(at: Date, timeZone: string): string {
  const { y, m, d } = partsIn(timeZone, at);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
