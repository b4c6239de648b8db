// writeTransaction against the real thing: on SQLite another process (here: a second connection to the
// same file) may commit between a transaction's read and its write; the write then fails as busy at
// once (busy_timeout cannot help a stale read snapshot), and only running the whole callback again —
// read included — gives a correct answer. The retry must do exactly that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { writeTransaction } from "@/lib/server/db/retry";
import { createTestDb, type TestDb } from "@/tests/support/test-db";

describe("writeTransaction on SQLite with a second writer", () => {
  let t: TestDb;
  let other: Db;
  beforeAll(async () => {
    t = await createTestDb("sqlite");
    other = createDb(t.url);
    await t.client.$executeRawUnsafe(`CREATE TABLE counter_probe (n INTEGER NOT NULL)`);
  });
  afterAll(async () => {
    await other?.$disconnect();
    await t?.drop();
  });

  it("runs the callback again after another connection committed between its read and its write", async () => {
    let attempts = 0;
    const wrote = await writeTransaction(t.client, async (tx) => {
      attempts++;
      const [row] = await tx.$queryRawUnsafe<{ c: bigint | number }[]>(`SELECT COUNT(*) AS c FROM counter_probe`);
      // The first attempt only: another process writes after our read (our snapshot is now stale).
      if (attempts === 1) await other.$executeRawUnsafe(`INSERT INTO counter_probe (n) VALUES (100)`);
      const next = Number(row!.c) + 1;
      await tx.$executeRawUnsafe(`INSERT INTO counter_probe (n) VALUES (?)`, next);
      return next;
    });
    expect(attempts).toBe(2);
    // The second attempt read the other process's row, so the count it wrote is right.
    expect(wrote).toBe(2);
    const rows = await t.client.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT n FROM counter_probe ORDER BY n`);
    expect(rows.map((r) => Number(r.n))).toEqual([2, 100]);
  });
});
