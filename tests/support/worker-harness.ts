// Shared set-up for worker integration tests: a real migrated database, a real simulator over HTTP
// (real ffmpeg renderer, render cache shared across runs so only the first run pays for it), local
// storage in a temp dir, seeded users and QUEUED clips with their ledger HOLD, and a waiter.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { writeUpstreamFacts } from "@/lib/server/bigmodel/upstream-facts-store";
import { type Upstream, upstreamClients } from "@/lib/server/bigmodel/upstream";
import type { Db } from "@/lib/server/db";
import { DERIVATIVES_JOB } from "@/lib/server/generations/derivatives/derivatives-job";
import { enqueueVideoJob } from "@/lib/server/generations/video-job/kind";
import { hold } from "@/lib/server/ledger/ledger";
import { createLocalStorage } from "@/lib/server/storage";
import { type RunningWorker, startWorker, type WorkerOptions } from "@/lib/server/worker/start-worker";
import type { Storage } from "@/lib/server/storage";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import type { SimulatorOptions } from "@/lib/simulator/sim-options";
import { INTEGRATION_RENDER_CACHE } from "@/scripts/lib/test-render-caches.mjs";
import { tempDir } from "./simulator-fixtures";
import { createTestDb, type TestDb } from "./test-db";

const TEXT_PROMPT = "A paper boat drifts down a rainy street, soft light";

export interface Harness {
  db: Db;
  testDb: TestDb;
  sim: RunningSimulator;
  storage: Storage;
  dir: string;
  upstream: () => Promise<Upstream>;
  close(): Promise<void>;
}

export async function startHarness(sim: SimulatorOptions = {}, provider: "sqlite" | "postgresql" = "sqlite"): Promise<Harness> {
  const dir = tempDir("worker-it");
  const testDb = await createTestDb(provider);
  const simulator = await startSimulator({
    host: "127.0.0.1",
    port: 0,
    stateDir: path.join(dir, "sim"),
    cacheDir: INTEGRATION_RENDER_CACHE,
    speed: 200,
    concurrency: 5,
    ...sim,
  });
  // The simulator's repeat-request_id switch, stored as upstream:check would have measured it (the
  // submit strategy reads it); a test of the "unknown" case deletes it with forgetUpstreamFacts.
  await writeUpstreamFacts(testDb.client, {
    checkedAt: new Date().toISOString(),
    upstream: "simulator",
    baseUrl: simulator.baseUrl,
    key: { ok: true, httpStatus: 400, code: "1214" },
    models: {},
    repeatRequestId: simulator.control.switches().repeatRequestId,
    resultHosts: [],
    generationSeconds: null,
    spentClips: 0,
  });
  const upstream: Upstream = { ...upstreamClients({ baseUrl: simulator.baseUrl, apiKey: simulator.keys[0] ?? "", requestTimeoutMs: 5_000 }), mode: "simulator", mediaOrigins: [simulator.url] };
  return {
    db: testDb.client,
    testDb,
    sim: simulator,
    storage: createLocalStorage(path.join(dir, "media")),
    dir,
    upstream: () => Promise.resolve(upstream),
    async close() {
      await simulator.close();
      await testDb.drop();
    },
  };
}

export async function seedUser(db: Db): Promise<string> {
  const user = await db.user.create({ data: { email: `w-${randomUUID()}@example.test` } });
  return user.id;
}

/** Queues `n` text clips the way create-generation does (row + HOLD + video job in one transaction). */
export async function queueTextClips(db: Db, ownerId: string, n: number, prompt = TEXT_PROMPT): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await db.$transaction(async (tx) => {
      const g = await tx.generation.create({
        data: {
          ownerId,
          mode: "TEXT",
          model: "viduq1-text",
          prompt,
          params: { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
          idemKey: randomUUID(),
          paramsHash: "test",
          upstreamRequestId: randomUUID(),
          costFen: 250,
        },
        select: { id: true, ownerId: true, teamId: true, costFen: true, model: true },
      });
      await hold(tx, g);
      await enqueueVideoJob(tx, g);
      return g.id;
    });
    ids.push(id);
  }
  return ids;
}

const TERMINAL = ["STORED", "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"];

/**
 * Resolves when every row is terminal and (unless `derivatives: false`) every STORED take's poster and
 * preview job has ended (they are made after STORED); rejects with the status histogram after `timeoutMs`.
 */
export async function waitAllTerminal(db: Db, timeoutMs: number, opts: { derivatives?: boolean } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.generation.count({ where: { status: { notIn: TERMINAL as never } } });
    const deriving =
      open === 0 && opts.derivatives !== false ? await db.job.count({ where: { kind: DERIVATIVES_JOB, status: { notIn: ["DONE", "FAILED", "CANCELLED"] } } }) : 0;
    if (open === 0 && deriving === 0) return;
    if (Date.now() > deadline) {
      const rows = await db.generation.groupBy({ by: ["status"], _count: true });
      throw new Error(`timed out with ${open} clips open, ${deriving} derivative jobs running: ${JSON.stringify(rows)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An in-process worker on the harness (its database, storage and simulator), fast test timings. */
export function startHarnessWorker(h: Harness, overrides: WorkerOptions = {}): RunningWorker {
  return startWorker({
    db: h.db,
    provider: h.testDb.name,
    storage: h.storage,
    upstream: h.upstream,
    leaseMs: 3_000,
    timeScale: 200,
    modelCap: 5,
    mediaCap: 2,
    concurrency: 3,
    idlePollMs: 50,
    scratchDir: path.join(h.dir, "scratch"),
    ...overrides,
  });
}
