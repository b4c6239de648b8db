// The one retry helper: transient contention (SQLite busy, Prisma's socket timeout and transaction-start
// timeout, PostgreSQL serialization failures and deadlocks) is retried, with the whole transaction run
// again; anything else — a unique violation above all, which callers turn into a replay — propagates
// at once, unchanged.
import { describe, expect, it } from "vitest";
import { isTransientDbError, withDbRetry } from "@/lib/server/db/retry";

const prismaError = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isTransientDbError", () => {
  it.each([
    ["P1008 socket timeout (SQLite's busy_timeout ran out)", prismaError("P1008")],
    ["P2028 transaction could not start in time", prismaError("P2028")],
    ["P2034 write conflict or deadlock", prismaError("P2034")],
    ["a driver error kind SocketTimeout", Object.assign(new Error("x"), { cause: { kind: "SocketTimeout" } })],
    ["SQLITE_BUSY in the text only", new Error("SqliteError: SQLITE_BUSY: database is locked")],
    ["PostgreSQL 40001", new Error("could not serialize access due to concurrent update (40001)")],
    ["PostgreSQL 40P01", new Error("deadlock detected 40P01")],
  ])("%s is transient", (_what, err) => expect(isTransientDbError(err)).toBe(true));

  it.each([
    ["P2002 unique violation", prismaError("P2002", "Unique constraint failed")],
    ["P2025 record not found", prismaError("P2025")],
    ["an application error", new Error("not_found")],
    ["not an object", "SQLITE_BUSY"],
    ["null", null],
  ])("%s is not", (_what, err) => expect(isTransientDbError(err)).toBe(false));
});

describe("withDbRetry", () => {
  it("runs again after transient failures and answers the first success", async () => {
    let calls = 0;
    const out = await withDbRetry(async () => {
      calls++;
      if (calls < 3) throw prismaError("P1008");
      return "ok";
    });
    expect([out, calls]).toEqual(["ok", 3]);
  });

  it("gives up after the last attempt with the last error", async () => {
    let calls = 0;
    const last = prismaError("P2034", "conflict 3");
    await expect(
      withDbRetry(async () => {
        calls++;
        throw calls === 3 ? last : prismaError("P2034");
      }, 3),
    ).rejects.toBe(last);
    expect(calls).toBe(3);
  });

  it("does not retry a unique violation", async () => {
    let calls = 0;
    const unique = prismaError("P2002");
    await expect(
      withDbRetry(async () => {
        calls++;
        throw unique;
      }),
    ).rejects.toBe(unique);
    expect(calls).toBe(1);
  });
});
