import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLocal, createTestDb, migrate, providers, type TestDb } from "../support/test-db";

const root = path.resolve(import.meta.dirname, "../..");

describe.each(providers())("migrations on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t?.drop());

  it("creates every table of the product schema", async () => {
    const expected = ["User", "Account", "Session", "VerificationToken", "LoginAttempt", "Setting", "InstanceInvite", "Team", "Membership", "TeamInvite", "Generation", "Upload", "GenerationInput", "Asset", "ShareLink", "LedgerEntry", "Budget", "AuditEvent", "Alert", "Tag", "GenerationTag", "Favourite"];
    const rows =
      kind === "sqlite"
        ? await t.client.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type='table'")
        : await t.client.$queryRawUnsafe<{ name: string }[]>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema='public'");
    const names = rows.map((r) => r.name);
    for (const table of expected) expect(names).toContain(table);
  });

  it("is idempotent: a second deploy applies nothing", async () => {
    // Migrations run at start-up, before the app opens the database (SQLite: the engine needs the lock).
    await t.client.$disconnect();
    const r = spawnSync(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: "utf8",
    });
    expect(r.stderr + r.stdout).toContain("No pending migrations.");
    expect(r.status).toBe(0);
  });

  it("the live database has no drift from the migration history", async () => {
    await t.client.$disconnect();
    const r = spawnSync(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "drift"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: "utf8",
    });
    expect(r.stdout).toContain("No drift.");
    expect(r.status).toBe(0);
  });

  it.runIf(kind === "sqlite")("SQLite runs in WAL mode", async () => {
    const rows = await t.client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(rows[0]?.journal_mode).toBe("wal");
  });

  it("enforces the unique keys the reliability rules depend on", async () => {
    const user = await t.client.user.create({ data: { email: `u-${Date.now()}@x.test` } });
    const base = { ownerId: user.id, mode: "TEXT" as const, model: "viduq1-text", params: {}, paramsHash: "h" };
    const g = await t.client.generation.create({ data: { ...base, idemKey: "k1", upstreamRequestId: "r1" } });
    await expect(t.client.generation.create({ data: { ...base, idemKey: "k1", upstreamRequestId: "r2" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(t.client.generation.create({ data: { ...base, idemKey: "k2", upstreamRequestId: "r1" } })).rejects.toMatchObject({ code: "P2002" });
    await t.client.ledgerEntry.create({ data: { generationId: g.id, userId: user.id, kind: "CHARGE", amountFen: 250 } });
    await expect(
      t.client.ledgerEntry.create({ data: { generationId: g.id, userId: user.id, kind: "CHARGE", amountFen: 250 } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("destructive-setup guard", () => {
  it("refuses a non-local database", () => {
    expect(() => assertLocal("postgresql://postgres@db.example.com:5432/prod")).toThrow(/non-local/);
    expect(() => migrate("postgresql://postgres@10.0.0.5/prod")).toThrow(/non-local/);
    expect(() => assertLocal("postgresql://postgres@127.0.0.1:5432/x")).not.toThrow();
  });
});
