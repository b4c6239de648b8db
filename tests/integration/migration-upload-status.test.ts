import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, migrate, providers, type TestDb } from "../support/test-db";

// The data part of the migration that gave uploads a status, usedAt and frameOfId: uploads that
// existed before it must come out READY, used at their creation, and a take's last frame (named by
// its DONE last-frame job's result JSON) linked to its take — or the collector would delete last
// frames that takes still offer.
const MIGRATION = "20261203224842_upload_quota_collector";
const root = path.resolve(import.meta.dirname, "../..");

/** A copy of the provider's migration history without `MIGRATION` and anything after it. */
function historyBefore(provider: "sqlite" | "postgres"): string {
  const from = path.join(root, "prisma", provider, "migrations");
  const to = fs.mkdtempSync(path.join(os.tmpdir(), "fh-migrations-"));
  for (const entry of fs.readdirSync(from)) if (entry < MIGRATION || entry === "migration_lock.toml") fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  return to;
}

describe.each(providers())("the upload status migration on %s", (kind) => {
  let t: TestDb;
  let before: string;
  beforeAll(async () => {
    before = historyBefore(kind === "sqlite" ? "sqlite" : "postgres");
    t = await createTestDb(kind, before);
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(before, { recursive: true, force: true });
  });

  it("keeps existing uploads READY, used at their creation, and links last frames to their takes", async () => {
    const q = (sql: string) => t.client.$executeRawUnsafe(sql);
    const at = kind === "sqlite" ? "'2026-01-02T03:04:05.000Z'" : "'2026-01-02 03:04:05'";
    await q(`INSERT INTO "User" ("id", "email", "role", "createdAt", "updatedAt") VALUES ('u1', 'u1@x.test', 'USER', ${at}, ${at})`);
    for (const id of ["plain", "frame"]) {
      await q(`INSERT INTO "Upload" ("id", "ownerId", "storageKey", "mime", "width", "height", "bytes", "sha256", "createdAt") VALUES ('${id}', 'u1', 'uploads/${id}.png', 'image/png', 16, 16, 1, 'x', ${at})`);
    }
    await q(
      `INSERT INTO "Job" ("id", "kind", "subjectId", "status", "step", "lane", "result", "createdAt", "updatedAt", "runAt") VALUES ('j1', 'last-frame', 'take1', 'DONE', 'extract', 'media', '{"uploadId":"frame","width":16,"height":16,"sha256":"x"}', ${at}, ${at}, ${at})`,
    );

    await t.client.$disconnect();
    migrate(t.url);

    const rows = await t.client.upload.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, frameOfId: true, createdAt: true, usedAt: true } });
    expect(rows.map(({ id, status, frameOfId }) => ({ id, status, frameOfId }))).toEqual([
      { id: "frame", status: "READY", frameOfId: "take1" },
      { id: "plain", status: "READY", frameOfId: null },
    ]);
    for (const r of rows) expect(r.usedAt.getTime()).toBe(r.createdAt.getTime());
  });
});
