// Self-check of harness/bulk-seed.ts (not a test, not part of npm test; run it after changing the
// seed generator, the schema or the bulk writer):
//   node --conditions=react-server --import tsx bench/verify-bulk-seed.ts
// Seeds the same options twice per provider, once through tests/support/seed-generations.ts
// (Prisma createMany) and once in bulk, then compares every seeded table row by row as Prisma reads
// it back, and the raw stored form of timestamps and JSON. Only values that are random per run
// anyway (upstreamRequestId, user ids/emails, and the "now" defaults) are left out.
import { execFileSync } from "node:child_process";
import { seedGenerations } from "../tests/support/seed-generations";
import { createTestDb } from "../tests/support/test-db";
import { bulkSeedGenerations } from "./harness/bulk-seed";

const MODELS = ["user", "upload", "tag", "generation", "generationInput", "asset", "generationTag", "favourite"] as const;
const VOLATILE = new Set(["upstreamRequestId", "runAt", "updatedAt"]);
const opts = { users: 4, total: 3_000, seed: 7, now: new Date("2026-11-20T12:00:00Z"), spanDays: 365 };

function pgReachable(): boolean {
  if (process.env.TEST_POSTGRES_URL) return true;
  try {
    execFileSync("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "5432"]);
    process.env.TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    return true;
  } catch {
    return false;
  }
}

type Row = Record<string, unknown>;
type Reader = { findMany(args: { orderBy: unknown }): Promise<Row[]> };

function normalize(model: string, rows: Row[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const o: Row = {};
      for (const [k, v] of Object.entries(r)) {
        if (VOLATILE.has(k)) continue;
        if (model === "user" && ["id", "email", "createdAt"].includes(k)) continue;
        if (model !== "generation" && k === "createdAt") continue; // a "now" default on those tables
        o[k] = v;
      }
      return o;
    }),
  );
}

function orderOf(model: string): unknown {
  if (model === "generationInput") return [{ generationId: "asc" }, { position: "asc" }];
  if (model === "generationTag") return [{ generationId: "asc" }, { tagId: "asc" }];
  if (model === "favourite") return [{ generationId: "asc" }];
  if (model === "user") return [{ name: "asc" }];
  return [{ id: "asc" }];
}

let failures = 0;
for (const provider of pgReachable() ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const)) {
  const a = await createTestDb(provider);
  const b = await createTestDb(provider);
  try {
    let t = performance.now();
    await seedGenerations(a.client, opts);
    const slow = performance.now() - t;
    t = performance.now();
    await bulkSeedGenerations(b.url, opts);
    console.log(`${provider}: createMany ${slow.toFixed(0)} ms, bulk ${(performance.now() - t).toFixed(0)} ms`);
    for (const m of MODELS) {
      const read = (c: unknown) => (c as Record<string, Reader>)[m]!.findMany({ orderBy: orderOf(m) });
      const [x, y] = [await read(a.client), await read(b.client)];
      const same = normalize(m, x) === normalize(m, y);
      if (!same) failures++;
      console.log(`  ${m}: ${x.length} vs ${y.length} rows ${same ? "identical" : "DIFFERENT"}`);
    }
    const raw =
      provider === "sqlite"
        ? `SELECT typeof("createdAt") AS t, "createdAt" || '' AS c, "finishedAt" || '' AS f, params || '' AS p FROM "Generation" ORDER BY id LIMIT 1`
        : `SELECT "createdAt"::text AS c, "finishedAt"::text AS f, params::text AS p FROM "Generation" ORDER BY id LIMIT 1`;
    const [ra, rb] = [await a.client.$queryRawUnsafe<Row[]>(raw), await b.client.$queryRawUnsafe<Row[]>(raw)];
    const same = JSON.stringify(ra) === JSON.stringify(rb);
    if (!same) failures++;
    console.log(`  stored form: ${same ? "identical" : "DIFFERENT"} ${JSON.stringify(rb[0])}`);
  } finally {
    await a.drop();
    await b.drop();
  }
}
console.log(failures === 0 ? "bulk seed matches createMany" : `${failures} difference(s)`);
process.exit(failures === 0 ? 0 : 1);
