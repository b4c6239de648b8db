import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { DbProvider } from "./index";

// Lease times come from the DATABASE clock so two workers on machines whose
// clocks disagree still agree on when a lease has run out. Each provider stores DateTime
// differently: Prisma writes ISO-8601 text ("…T…+00:00") into SQLite and UTC `timestamp(3)` into
// PostgreSQL. These fragments produce and compare values in exactly those forms.

export interface SqlClock {
  /** The database's current time, as the provider stores DateTime. */
  now: Prisma.Sql;
  /** now + ms (ms must be a finite integer; it is inlined, never user input). */
  plus(ms: number): Prisma.Sql;
  /** `column <= now` for a DateTime column (quoted identifier). */
  due(column: string): Prisma.Sql;
}

function intMs(ms: number): number {
  if (!Number.isFinite(ms)) throw new TypeError("clock offset must be finite");
  return Math.round(ms);
}

const SQLITE_FMT = "'%Y-%m-%dT%H:%M:%f+00:00'";

export function sqlClock(provider: DbProvider): SqlClock {
  if (provider === "postgresql") {
    const now = Prisma.raw(`(clock_timestamp() AT TIME ZONE 'UTC')`);
    return {
      now,
      plus: (ms) => Prisma.raw(`((clock_timestamp() AT TIME ZONE 'UTC') + interval '1 millisecond' * ${intMs(ms)})`),
      due: (column) => Prisma.raw(`"${column}" <= (clock_timestamp() AT TIME ZONE 'UTC')`),
    };
  }
  return {
    now: Prisma.raw(`strftime(${SQLITE_FMT}, 'now')`),
    plus: (ms) => Prisma.raw(`strftime(${SQLITE_FMT}, 'now', '${intMs(ms) / 1000} seconds')`),
    // julianday() parses every form SQLite may hold ("… HH:MM:SS" defaults, Prisma's ISO text).
    due: (column) => Prisma.raw(`julianday("${column}") <= julianday('now')`),
  };
}

/** A DB time value from a raw RETURNING column (text on SQLite, Date on PostgreSQL). */
export function parseDbTime(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string") {
    // SQLite defaults look like "2026-01-01 10:00:00" (UTC, no zone).
    const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new TypeError("unreadable database time");
}
