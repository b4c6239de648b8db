// Gallery benchmark (not a test): first-page API latency through the real GET /api/generations
// handler on seeded databases (seeded in bulk: harness/bulk-seed.ts). The first screen's bytes are
// measured in gallery-first-screen.ts.
// Run: node --conditions=react-server --import tsx bench/run.ts [--quick]
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Db } from "@/lib/server/db";
import { sessionCookie, useTestEnv as applyTestEnv } from "../tests/support/route-env";
import { createTestDb } from "../tests/support/test-db";
import { bulkSeedGenerations } from "./harness/bulk-seed";
import { percentile } from "./harness/stats";

const COMBOS = [
  "",
  "status=STORED",
  "mode=text",
  "mode=image&status=REJECTED,FAILED,EXPIRED,ORPHANED",
  `q=${encodeURIComponent("纸船")}`,
  "q=paper%20boat",
  "favourite=true",
  "tag=campaign",
  "sort=oldest",
  "from=2026-06-01&to=2026-08-31",
] as const;

export interface LatencyRow {
  provider: string;
  clips: number;
  combo: string;
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

export interface LatencyRun {
  rows: LatencyRow[];
  /** Bulk seed: rows written and wall time (harness/bulk-seed.ts). */
  seed: { rows: number; ms: number };
  /** Query plans of the unfiltered and a status-filtered first page, on this very database. */
  plans: string[];
}

const holder = globalThis as unknown as { framehouseDb?: Db; framehouseStorage?: unknown };

function row(provider: string, clips: number, combo: string, times: number[]): LatencyRow {
  return { provider, clips, combo, requests: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times) };
}

/** Seeds `clips` over 10 users (bulk INSERTs), then times `perCombo` first-page requests per filter combination. */
export async function measureLatency(provider: "sqlite" | "postgresql", clips: number, perCombo: number, withPlans: boolean): Promise<LatencyRun> {
  const t = await createTestDb(provider);
  try {
    applyTestEnv(t.url, { DATA_DIR: os.tmpdir() });
    holder.framehouseDb = t.client;
    const seeded = await bulkSeedGenerations(t.url, { users: 10, total: clips, seed: 42, now: new Date("2026-11-20T12:00:00Z"), spanDays: 365 });
    const { userIds } = seeded;
    const counted = await t.client.generation.count();
    if (counted !== clips) throw new Error(`G1: seeded ${counted} clips, expected ${clips}`);
    console.error(`  ${provider} ${clips}: seeded ${seeded.stats.rows} rows in ${(seeded.stats.ms / 1000).toFixed(1)} s`);
    await t.client.$executeRawUnsafe("ANALYZE");
    const { GET } = await import("@/app/api/generations/route");
    const cookie = await sessionCookie(t.client, userIds[0]!);
    const call = async (qs: string) => {
      const res = await GET(new Request(`http://localhost:3000/api/generations?limit=24&${qs}`, { headers: { host: "localhost:3000", cookie } }));
      if (res.status !== 200) throw new Error(`${qs}: HTTP ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    for (const qs of COMBOS) for (let i = 0; i < 5; i++) await call(qs); // warm caches and the JIT
    const rows: LatencyRow[] = [];
    const all: number[] = [];
    for (const combo of COMBOS) {
      const times: number[] = [];
      for (let i = 0; i < perCombo; i++) {
        const start = performance.now();
        await call(combo);
        times.push(performance.now() - start);
      }
      all.push(...times);
      rows.push(row(provider, clips, combo || "(none)", times));
    }
    rows.push(row(provider, clips, "ALL", all));
    return { rows, seed: { rows: seeded.stats.rows, ms: seeded.stats.ms }, plans: withPlans ? await queryPlans(t.client, provider, userIds[0]!, clips) : [] };
  } finally {
    holder.framehouseDb = undefined;
    await t.drop();
  }
}

/** The query plans of the unfiltered and a status-filtered first page (index use on each provider). */
async function queryPlans(client: Db, provider: "sqlite" | "postgresql", owner: string, clips: number): Promise<string[]> {
  const where = `"ownerId" = '${owner}' AND "deletedAt" IS NULL`;
  const sqls = [
    `SELECT id FROM "Generation" WHERE ${where} ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
    `SELECT id FROM "Generation" WHERE ${where} AND status = 'STORED' ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
  ].map((q) => (provider === "sqlite" ? `EXPLAIN QUERY PLAN ${q}` : `EXPLAIN ${q}`));
  const out: string[] = [];
  for (const sql of sqls) {
    const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(sql);
    out.push(`${provider}, ${clips.toLocaleString("en")} clips: ${rows.map((r) => String(r.detail ?? r["QUERY PLAN"] ?? JSON.stringify(r))).join(" | ")}`);
  }
  return out;
}
