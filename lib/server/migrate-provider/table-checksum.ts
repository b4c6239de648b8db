import "server-only";
import { createHash } from "node:crypto";
import type { TableSpec } from "./tables";

// Provider-independent fingerprint of a table: every row normalized to canonical JSON (sorted
// keys; dates as ISO strings; Json values with sorted keys), row hashes sorted by primary key in
// binary order (PostgreSQL's collation would order text differently from SQLite), then hashed.
// Holding (key, rowHash) pairs costs ~150 bytes per row, not the rows themselves.

type Row = Record<string, unknown>;

function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object") {
    // Prisma Decimal (none in today's schema): compare by its exact decimal string.
    if ((value as { constructor?: { name?: string } }).constructor?.name === "Decimal") return String(value);
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Row)[k])]),
    );
  }
  return value;
}

function rowKey(spec: TableSpec, row: Row): string {
  return JSON.stringify(spec.key.map((k) => canonical(row[k])));
}

export class TableChecksum {
  private readonly entries: [string, string][] = [];

  constructor(private readonly spec: TableSpec) {}

  add(rows: Row[]): void {
    for (const row of rows) {
      const h = createHash("sha256").update(JSON.stringify(canonical(row))).digest("hex");
      this.entries.push([rowKey(this.spec, row), h]);
    }
  }

  get rows(): number {
    return this.entries.length;
  }

  digest(): string {
    const sorted = [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const h = createHash("sha256");
    for (const [k, v] of sorted) h.update(`${k}\t${v}\n`);
    return h.digest("hex");
  }
}
