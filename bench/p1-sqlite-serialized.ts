// P1's submit, one part measured side by side: what the serialized SQLite adapter
// (lib/server/db/sqlite-serialized-adapter.ts) costs the database work of 50 concurrent submitters.
// Two copies of one migrated database, one client each: Prisma's better-sqlite3 adapter as is, and
// the same adapter serialized (what createDb uses). Each "submit" is a read (the user) then the
// submit's transaction (generation row, ledger HOLD, video job), beside a gallery read (latest 24),
// as create-generation and the live list do. Rounds alternate the sides so the shared machine's load
// lands on both.
//   node --conditions=react-server --import tsx bench/p1-sqlite-serialized.ts [rounds] [submits per round]
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import type { Db } from "@/lib/server/db";
import { writeTransaction } from "@/lib/server/db/retry";
import { serializeSqliteAdapter } from "@/lib/server/db/sqlite-serialized-adapter";
import { enqueueVideoJob } from "@/lib/server/generations/video-job/kind";
import { hold } from "@/lib/server/ledger/ledger";
import { sqliteTemplate } from "../tests/support/test-db-template";

const rounds = Number(process.argv[2] ?? 6);
const perRound = Number(process.argv[3] ?? 500);
const USERS = 50;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-p1-sqlite-"));

/** A copy of the migrated template the integration tests use (built by the real migration script once). */
function migratedCopy(name: string, template: string): string {
  const file = path.join(dir, `${name}.db`);
  fs.copyFileSync(template, file);
  return `file:${file}`;
}

const template = await sqliteTemplate();

const clients: Record<"plain" | "serialized", Db> = {
  plain: new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: migratedCopy("plain", template), timeout: 5000 }) }),
  serialized: new PrismaClient({ adapter: serializeSqliteAdapter(new PrismaBetterSqlite3({ url: migratedCopy("serialized", template), timeout: 5000 })) }),
};

async function submit(db: Db, ownerId: string): Promise<void> {
  await db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { id: true } });
  await writeTransaction(db, async (tx) => {
    const g = await tx.generation.create({
      data: { ownerId, mode: "TEXT", model: "viduq1-text", prompt: "A paper boat", params: {}, idemKey: randomUUID(), paramsHash: "bench", upstreamRequestId: randomUUID(), costFen: 250 },
      select: { id: true, ownerId: true, teamId: true, costFen: true, model: true },
    });
    await hold(tx, g);
    await enqueueVideoJob(tx, g);
  });
  await db.generation.findMany({ where: { ownerId }, orderBy: { createdAt: "desc" }, take: 24, select: { id: true, status: true } });
}

/** `n` submits by USERS concurrent submitters; each one's latency in ms. */
async function round(db: Db, owners: string[], n: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    owners.map(async (owner) => {
      while (next < n) {
        next++;
        const t0 = performance.now();
        await submit(db, owner);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const owners: Record<string, string[]> = {};
for (const [side, db] of Object.entries(clients)) {
  owners[side] = [];
  for (let i = 0; i < USERS; i++) owners[side].push((await db.user.create({ data: { email: `bench-${i}@example.test` } })).id);
  await round(db, owners[side], 100); // warm-up
}
const all: Record<string, { latencies: number[]; ms: number }> = { plain: { latencies: [], ms: 0 }, serialized: { latencies: [], ms: 0 } };
for (let r = 0; r < rounds; r++) {
  for (const side of r % 2 ? (["serialized", "plain"] as const) : (["plain", "serialized"] as const)) {
    const t0 = performance.now();
    all[side]!.latencies.push(...(await round(clients[side], owners[side]!, perRound)));
    all[side]!.ms += performance.now() - t0;
  }
}
const row = (side: string) => {
  const { latencies, ms } = all[side]!;
  return { side, submits: latencies.length, perSecond: (latencies.length / ms) * 1000, median: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
};
const [plain, serialized] = [row("plain"), row("serialized")];
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}; ${USERS} submitters, ${rounds} alternating rounds of ${perRound} per side`);
console.log("| adapter | submits | per second | median ms | p99 ms |\n|---|--:|--:|--:|--:|");
for (const r of [plain, serialized]) console.log(`| ${r.side} | ${r.submits} | ${r.perSecond.toFixed(0)} | ${r.median.toFixed(1)} | ${r.p99.toFixed(1)} |`);
console.log(`serialized ÷ plain: throughput ${(serialized.perSecond / plain.perSecond).toFixed(2)}×, median ${(serialized.median / plain.median).toFixed(2)}×, p99 ${(serialized.p99 / plain.p99).toFixed(2)}×`);
for (const db of Object.values(clients)) await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
