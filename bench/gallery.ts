// Gallery benchmark (not a test): first-page API latency through the real GET /api/generations
// handler on seeded databases, and the bytes the first gallery screen transfers in Chromium.
// Run: node --conditions=react-server --import tsx bench/run.ts [--quick]
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Db } from "@/lib/server/db";
import { sessionCookie, useTestEnv as applyTestEnv } from "../tests/support/route-env";
import { seedGenerations } from "../tests/support/seed-generations";
import { createTestDb } from "../tests/support/test-db";

export const COMBOS = [
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

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const holder = globalThis as unknown as { framehouseDb?: Db; framehouseStorage?: unknown };

/** Seeds `clips` over 10 users, then times `perCombo` first-page requests per filter combination. */
export async function measureLatency(provider: "sqlite" | "postgresql", clips: number, perCombo: number): Promise<LatencyRow[]> {
  const t = await createTestDb(provider);
  try {
    applyTestEnv(t.url, { DATA_DIR: os.tmpdir() });
    holder.framehouseDb = t.client;
    const seedStart = performance.now();
    const { userIds } = await seedGenerations(t.client, { users: 10, total: clips, seed: 42, now: new Date("2026-11-20T12:00:00Z"), spanDays: 365 });
    const seedMs = performance.now() - seedStart;
    console.error(`  ${provider} ${clips}: seeded in ${(seedMs / 1000).toFixed(1)} s`);
    await t.client.$executeRawUnsafe("ANALYZE");
    const { GET } = await import("@/app/api/generations/route");
    const cookie = await sessionCookie(userIds[0]!);
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
      times.sort((a, b) => a - b);
      all.push(...times);
      rows.push({ provider, clips, combo: combo || "(none)", requests: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1) ?? 0 });
    }
    all.sort((a, b) => a - b);
    rows.push({ provider, clips, combo: "ALL", requests: all.length, p50: quantile(all, 0.5), p95: quantile(all, 0.95), max: all.at(-1) ?? 0 });
    return rows;
  } finally {
    holder.framehouseDb = undefined;
    await t.drop();
  }
}

/** The query plans of the unfiltered and a status-filtered first page (index use on each provider). */
export async function queryPlans(provider: "sqlite" | "postgresql"): Promise<string[]> {
  const t = await createTestDb(provider);
  try {
    const { userIds } = await seedGenerations(t.client, { users: 4, total: 2000, seed: 1 });
    await t.client.$executeRawUnsafe("ANALYZE");
    const owner = userIds[0]!;
    const sqls =
      provider === "sqlite"
        ? [
            `EXPLAIN QUERY PLAN SELECT id FROM "Generation" WHERE "ownerId" = '${owner}' AND "deletedAt" IS NULL ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
            `EXPLAIN QUERY PLAN SELECT id FROM "Generation" WHERE "ownerId" = '${owner}' AND "deletedAt" IS NULL AND status = 'STORED' ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
          ]
        : [
            `EXPLAIN SELECT id FROM "Generation" WHERE "ownerId" = '${owner}' AND "deletedAt" IS NULL ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
            `EXPLAIN SELECT id FROM "Generation" WHERE "ownerId" = '${owner}' AND "deletedAt" IS NULL AND status = 'STORED' ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
          ];
    const out: string[] = [];
    for (const sql of sqls) {
      const rows = await t.client.$queryRawUnsafe<Record<string, unknown>[]>(sql);
      out.push(`${provider}: ${rows.map((r) => String(r.detail ?? r["QUERY PLAN"] ?? JSON.stringify(r))).join(" | ")}`);
    }
    return out;
  } finally {
    await t.drop();
  }
}
