// GET /api/health through the real route handler on the scale-out configuration: a migrated
// PostgreSQL database and the S3 driver on s3rver (health-route.test.ts covers SQLite, local disk,
// and S3 going down). Skipped without TEST_POSTGRES_URL.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postgresUrl } from "../support/multi-workers";
import { jsonRequest, sessionCookie, useTestEnv } from "../support/route-env";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { createTestDb, type TestDb } from "../support/test-db";
import { queueTextClips, seedUser } from "../support/worker-harness";

let t: TestDb | undefined;
let s3: S3rverHandle | undefined;
let dataDir = "";
let adminCookie = "";

describe.skipIf(!postgresUrl())("GET /api/health on PostgreSQL + S3", () => {
  beforeAll(async () => {
    t = await createTestDb("postgresql");
    s3 = await startS3rver("framehouse-health");
    dataDir = await mkdtemp(path.join(os.tmpdir(), "fh-health-pg-"));
    await queueTextClips(t.client, await seedUser(t.client), 3);
    // The details of /api/health are for instance admins.
    adminCookie = await sessionCookie(t.client, (await t.client.user.create({ data: { email: "health-admin@example.test", role: "ADMIN" } })).id);
  });
  afterAll(async () => {
    const g = globalThis as { framehouseStorage?: unknown; framehouseDb?: { $disconnect(): Promise<void> } };
    await g.framehouseDb?.$disconnect().catch(() => undefined);
    delete g.framehouseDb;
    delete g.framehouseStorage;
    await s3?.stop();
    await t?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 200 with provider postgresql, driver s3 and the queue depth", async () => {
    vi.resetModules();
    const g = globalThis as { framehouseStorage?: unknown; framehouseDb?: { $disconnect(): Promise<void> } };
    delete g.framehouseStorage;
    await g.framehouseDb?.$disconnect().catch(() => undefined);
    delete g.framehouseDb;
    useTestEnv(t?.url ?? "", {
      DATA_DIR: dataDir,
      STORAGE_DRIVER: "s3",
      S3_BUCKET: s3?.bucket ?? "",
      S3_ENDPOINT: s3?.endpoint ?? "",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    });
    const { GET } = await import("@/app/api/health/route");
    const res = await GET(jsonRequest("/api/health", "GET", undefined, { cookie: adminCookie }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: true,
      database: { ok: true, provider: "postgresql" },
      storage: { ok: true, driver: "s3" },
      queue: { queued: 3, inFlight: 0 },
    });
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect((await GET(jsonRequest("/api/health", "GET", undefined, { cookie: adminCookie }))).status).toBe(200);
    console.info(`[health] PostgreSQL + S3: ${((performance.now() - started) / 10).toFixed(1)} ms per request (mean of 10)`);
  });
});
