// GET /api/health through the real route handler, a real migrated database and real storage
// drivers (local disk; s3rver in a child process, then stopped to take storage down).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { createSqliteTestDb, type TestDb } from "../support/test-db";
import { jsonRequest, sessionCookie, TEST_SECRET, useTestEnv as setTestEnv } from "../support/route-env";
import { seedInstall } from "../support/seed-install";

type Get = typeof import("@/app/api/health/route").GET;
let t: TestDb;
let dataDir: string;
let s3: S3rverHandle | undefined;
let adminCookie = "";
let memberCookie = "";
/** Details are for instance admins (everyone else gets only up/down). */
const asAdmin = () => jsonRequest("/api/health", "GET", undefined, { cookie: adminCookie });

/** A fresh module graph (env, db and storage singletons) for the given environment. */
async function loadRoute(extra: Record<string, string>): Promise<Get> {
  vi.resetModules();
  const g = globalThis as { framehouseStorage?: unknown; framehouseDb?: { $disconnect(): Promise<void> } };
  delete g.framehouseStorage;
  await g.framehouseDb?.$disconnect().catch(() => undefined);
  delete g.framehouseDb;
  setTestEnv(extra.DATABASE_URL ?? t.url, { DATA_DIR: dataDir, STORAGE_DRIVER: "local", ...extra });
  return (await import("@/app/api/health/route")).GET;
}

beforeAll(async () => {
  t = await createSqliteTestDb();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "fh-health-"));
  await seedInstall(t.client);
  adminCookie = await sessionCookie(t.client, (await t.client.user.create({ data: { email: "health-admin@example.test", role: "ADMIN" } })).id);
  memberCookie = await sessionCookie(t.client, (await t.client.user.create({ data: { email: "health-member@example.test" } })).id);
  await t.client.setting.create({
    data: { key: "upstream.breaker", value: { open: true, code: "1113", since: "2026-11-23T10:00:00.000Z" } },
  });
});
afterAll(async () => {
  await s3?.stop();
  await t?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("GET /api/health", () => {
  it("reports database, storage, breaker, queue and disk (200), fast and without secrets", async () => {
    const GET = await loadRoute({});
    const res = await GET(asAdmin());
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const raw = await res.text();
    const body = JSON.parse(raw);
    expect(body).toMatchObject({
      ok: true,
      status: "up",
      database: { ok: true, provider: "sqlite" },
      storage: { ok: true, driver: "local" },
      upstream: {
        mode: "simulator",
        breaker: { open: true, code: "1113", message: { en: "Insufficient balance or no resource package. Please recharge.", "zh-CN": "余额不足或无可用资源包,请充值。" }, since: "2026-11-23T10:00:00.000Z" },
      },
      disk: { path: path.resolve(dataDir) },
    });
    expect(body.disk.freeBytes).toBeGreaterThan(0);
    const counts = await t.client.generation.groupBy({ by: ["status"], _count: { _all: true } });
    for (const c of counts) expect(body.queue.byStatus[c.status]).toBe(c._count._all);
    expect(body.queue.queued).toBe(body.queue.byStatus.QUEUED);
    expect(body.queue.inFlight).toBe(body.queue.byStatus.SUBMITTING + body.queue.byStatus.PROCESSING);
    expect(body.queue.queued + body.queue.inFlight).toBeGreaterThan(0);
    // Public endpoint: no secrets, no user data, no database location.
    for (const needle of [TEST_SECRET, t.url, "@seed.test", "passwordHash"]) expect(raw).not.toContain(needle);

    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      expect((await GET(jsonRequest("/api/health", "GET"))).status).toBe(200);
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[10] ?? 0;
    console.info(`[health] median ${median.toFixed(1)} ms over 20 requests (SQLite + local disk)`);
    expect(median).toBeLessThan(50);
  });

  it("reports the s3 driver ok, then 503 with storage.ok=false once the store is down", async () => {
    s3 = await startS3rver();
    const GET = await loadRoute({
      STORAGE_DRIVER: "s3",
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    });
    const up = await GET(asAdmin());
    expect(up.status).toBe(200);
    expect((await up.json()).storage).toMatchObject({ ok: true, driver: "s3" });
    await s3.stop();
    s3 = undefined;
    const down = await GET(asAdmin());
    expect(down.status).toBe(503);
    const raw = await down.text();
    const body = JSON.parse(raw);
    expect(body).toMatchObject({ ok: false, database: { ok: true }, storage: { ok: false, driver: "s3" } });
    expect(body.storage.ms).toBeLessThan(2500);
    expect(raw).not.toContain("S3RVER");
    expect(raw).not.toContain("127.0.0.1");
  });

  it("a wrong bucket is storage down, not a healthy miss", async () => {
    s3 = await startS3rver();
    const GET = await loadRoute({
      STORAGE_DRIVER: "s3",
      S3_BUCKET: "no-such-bucket",
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    });
    const res = await GET(asAdmin());
    expect(res.status).toBe(503);
    expect((await res.json()).storage.ok).toBe(false);
  });

  it("an unreachable database is 503 down (anonymous: the status only)", async () => {
    const GET = await loadRoute({ DATABASE_URL: "postgresql://postgres@127.0.0.1:9/none" });
    const res = await GET(jsonRequest("/api/health", "GET"));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, status: "down" });
  });

  it("anonymous callers and signed-in non-admins get only up/down: no paths, drivers, disk or queue", async () => {
    const GET = await loadRoute({});
    for (const headers of [{}, { cookie: memberCookie }] as Record<string, string>[]) {
      const res = await GET(jsonRequest("/api/health", "GET", undefined, headers));
      expect(res.status).toBe(200);
      const raw = await res.text();
      expect(JSON.parse(raw)).toEqual({ ok: true, status: "up" });
      for (const needle of [dataDir, "sqlite", "local", "queue", "disk", "simulator"]) expect(raw).not.toContain(needle);
    }
    expect(Object.keys(await (await GET(asAdmin())).json())).toEqual(expect.arrayContaining(["database", "storage", "upstream", "queue", "disk"]));
  });
});
