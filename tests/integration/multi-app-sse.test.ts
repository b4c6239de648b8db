import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, hasProductionBuild, type AppInstance } from "@/tests/support/multi-app";
import { connectSse, type ReceivedEvent, type SseClient } from "@/tests/support/multi-sse-client";
import { postgresUrl, s3WorkerEnv } from "@/tests/support/multi-workers";
import { sessionCookie, TEST_SECRET } from "@/tests/support/route-env";
import { startS3rver, type S3rverHandle } from "@/tests/support/s3rver";
import { seedUser, startHarness, waitAllTerminal, type Harness } from "@/tests/support/worker-harness";
import { spawnWorker, stopWorker, type WorkerChild } from "@/tests/support/worker-process";

// Issue 7 "live status across instances": two production app processes (A and B) on one
// PostgreSQL database and one S3 store, WORKER_IN_APP=false, plus one `npm run worker` process. A
// browser-less SSE client on A must see, within 2 s, a clip created and cancelled through B and
// every status the worker writes, and A must serve the media the worker stored. Also GET
// /api/health on a real PostgreSQL + S3 instance. Needs `next build` (scripts/test-all.mjs runs
// this file after the build).

const PG = postgresUrl();
const SPEED = 50;
const MAX_DELAY_MS = 2_000;
const BUCKET = "framehouse-multi-app";

let h: Harness;
let s3: S3rverHandle;
let a: AppInstance | undefined;
let b: AppInstance | undefined;
let sse: SseClient | undefined;
let worker: WorkerChild | undefined;

describe.skipIf(!PG || !hasProductionBuild())("two app instances + one worker on PostgreSQL + S3", () => {
  beforeAll(async () => {
    h = await startHarness({ speed: SPEED, concurrency: 5 }, "postgresql");
    s3 = await startS3rver(BUCKET);
    const shared = {
      DATABASE_URL: h.testDb.url,
      AUTH_SECRET: TEST_SECRET,
      BIGMODEL_API_KEY: h.sim.keys[0] ?? "",
      BIGMODEL_BASE_URL: h.sim.baseUrl,
      BIGMODEL_MEDIA_HOSTS: h.sim.url,
      ...s3WorkerEnv(s3.endpoint, BUCKET, 5),
    };
    // One after the other: the first applies migrations (none pending), the second finds them done.
    a = await startApp({ ...shared, DATA_DIR: path.join(h.dir, "app-a") });
    b = await startApp({ ...shared, DATA_DIR: path.join(h.dir, "app-b") });
  }, 240_000);
  afterAll(async () => {
    sse?.close();
    if (worker) await stopWorker(worker);
    await Promise.all([a?.stop(), b?.stop()]);
    await s3?.stop();
    await h?.close();
  });

  it("GET /api/health reports PostgreSQL and S3 on both instances", async () => {
    // The details are for instance admins.
    const admin = await h.db.user.create({ data: { email: `health-admin-${randomUUID()}@example.test`, role: "ADMIN" } });
    const cookie = await sessionCookie(h.db, admin.id);
    for (const app of [a, b]) {
      const res = await fetch(`${app?.url}/api/health`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        ok: true,
        database: { ok: true, provider: "postgresql" },
        storage: { ok: true, driver: "s3" },
        upstream: { mode: "bigmodel", breaker: { open: false } },
      });
    }
  });

  it("a client on A sees B's create and cancel and every worker status within 2 s", { timeout: 120_000 }, async () => {
    const userId = await seedUser(h.db);
    const cookie = await sessionCookie(h.db, userId);
    sse = await connectSse(`${a?.url}/api/generations/events`, cookie);
    const delays: Record<string, number> = {};
    let made = 0;
    const create = async () => {
      // Each clip its own prompt: the same submission again within seconds would be asked about (409 repeat_submission).
      made += 1;
      const res = await fetch(`${b?.url}/api/generations`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "idempotency-key": randomUUID() },
        body: JSON.stringify({ mode: "text", prompt: `Lanterns float across a calm night lake, take ${made}`, style: "general", aspectRatio: "16:9", movementAmplitude: "auto" }),
      });
      expect(res.status).toBe(202);
      return ((await res.json()) as { id: string }).id;
    };
    const seen = (id: string, status: string) => (e: ReceivedEvent) => e.id === id && e.status === status;

    // Created and cancelled through B (no worker running yet, so it stays QUEUED until cancelled).
    let t0 = Date.now();
    const cancelled = await create();
    delays.createdOnB = (await sse.waitFor(seen(cancelled, "QUEUED"), 5_000)).receivedAt - t0;
    t0 = Date.now();
    const res = await fetch(`${b?.url}/api/generations/${cancelled}/cancel`, { method: "POST", headers: { cookie } });
    expect(res.status).toBe(200);
    delays.cancelledOnB = (await sse.waitFor(seen(cancelled, "CANCELLED"), 5_000)).receivedAt - t0;

    // Made by the worker process: every status event A relays, measured from the row's updatedAt
    // (worst case per status).
    const clip = await create();
    await sse.waitFor(seen(clip, "QUEUED"), 5_000);
    worker = spawnWorker({
      databaseUrl: h.testDb.url,
      dataDir: path.join(h.dir, "worker"),
      sim: h.sim,
      timeScale: SPEED,
      extraEnv: s3WorkerEnv(s3.endpoint, BUCKET, 5),
    });
    await sse.waitFor(seen(clip, "STORED"), 90_000);
    await waitAllTerminal(h.db, 10_000);
    const workerEvents = sse.events.filter((e) => e.id === clip && e.status !== "QUEUED");
    for (const e of workerEvents) delays[e.status] = Math.max(delays[e.status] ?? 0, e.receivedAt - Date.parse(e.updatedAt));
    console.info(`[multi-app] SSE delay on A (ms): ${JSON.stringify(delays)}; worker statuses seen: ${workerEvents.map((e) => e.status).join(" → ")}`);
    for (const [what, ms] of Object.entries(delays)) expect(ms, what).toBeLessThanOrEqual(MAX_DELAY_MS);

    // The worker stored the clip on S3; instance A serves the same bytes the row records.
    const row = await h.db.generation.findUniqueOrThrow({ where: { id: clip } });
    const media = await fetch(`${a?.url}/api/media/${clip}/video.mp4`, { headers: { cookie } });
    expect(media.status).toBe(200);
    const bytes = Buffer.from(await media.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
  });
});
