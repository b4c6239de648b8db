import "server-only";
import { Prisma as PgPrisma } from "@/lib/generated/postgres/client";
import type { Db } from "@/lib/server/db";
import { TableChecksum } from "./table-checksum";
import { TABLES, type TableSpec } from "./tables";

// Table copy and verification between two providers through the generated Prisma clients, so every
// value goes through the same type mapping the app uses (DateTime, Json, Boolean, Float) and ids and
// timestamps are written as read. Reads are keyset-paged by primary key; writes are createMany batches.

type Row = Record<string, unknown>;
interface Delegate {
  findMany(args: { orderBy: Record<string, "asc">[]; take: number; skip?: number; cursor?: Row }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  count(): Promise<number>;
}

function delegate(db: Db, spec: TableSpec): Delegate {
  const d = (db as unknown as Record<string, Delegate | undefined>)[spec.delegate];
  if (!d) throw new Error(`migrate-provider: client has no model ${spec.model}`);
  return d;
}

async function* readPages(db: Db, spec: TableSpec, batchSize: number): AsyncGenerator<Row[]> {
  const d = delegate(db, spec);
  const orderBy = spec.key.map((k) => ({ [k]: "asc" as const }));
  let cursor: Row | undefined;
  for (;;) {
    const rows = await d.findMany({ orderBy, take: batchSize, ...(cursor ? { cursor, skip: 1 } : {}) });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1] as Row;
    const [single] = spec.key;
    cursor =
      spec.key.length === 1 && single !== undefined
        ? { [single]: last[single] }
        : { [spec.key.join("_")]: Object.fromEntries(spec.key.map((k) => [k, last[k]])) };
  }
}

export async function countRows(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const spec of TABLES) out[spec.model] = await delegate(db, spec).count();
  return out;
}

export interface CopyProgress {
  model: string;
  copied: number;
}

/** Copies every table in FK order; the target must be migrated and empty (checked by the caller). */
export async function copyTables(
  source: Db,
  target: Db,
  options: { batchSize?: number; onTable?: (p: CopyProgress) => void } = {},
): Promise<Record<string, number>> {
  const batchSize = options.batchSize ?? 500;
  const copied: Record<string, number> = {};
  for (const spec of TABLES) {
    const d = delegate(target, spec);
    let n = 0;
    for await (const rows of readPages(source, spec, batchSize)) {
      // A database NULL in a Json column reads as null but must be written as DbNull.
      const data = spec.json.length === 0 ? rows : rows.map((r) => withDbNull(r, spec.json));
      n += (await d.createMany({ data })).count;
    }
    copied[spec.model] = n;
    options.onTable?.({ model: spec.model, copied: n });
  }
  return copied;
}

function withDbNull(row: Row, jsonFields: string[]): Row {
  const out = { ...row };
  for (const f of jsonFields) if (out[f] === null) out[f] = PgPrisma.DbNull;
  return out;
}

export interface TableFingerprint {
  rows: number;
  sha256: string;
}

export async function fingerprintTables(db: Db, batchSize = 1000): Promise<Record<string, TableFingerprint>> {
  const out: Record<string, TableFingerprint> = {};
  for (const spec of TABLES) {
    const sum = new TableChecksum(spec);
    for await (const rows of readPages(db, spec, batchSize)) sum.add(rows);
    out[spec.model] = { rows: sum.rows, sha256: sum.digest() };
  }
  return out;
}

export interface TableComparison {
  model: string;
  source: TableFingerprint;
  target: TableFingerprint;
  ok: boolean;
}

export function compareFingerprints(
  source: Record<string, TableFingerprint>,
  target: Record<string, TableFingerprint>,
): TableComparison[] {
  return TABLES.map(({ model }) => {
    const s = source[model] ?? { rows: -1, sha256: "" };
    const t = target[model] ?? { rows: -1, sha256: "" };
    return { model, source: s, target: t, ok: s.rows === t.rows && s.sha256 === t.sha256 };
  });
}
