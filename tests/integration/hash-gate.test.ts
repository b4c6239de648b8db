import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSqliteTestDb, type TestDb } from "../support/test-db";
import { jsonRequest, useTestEnv } from "../support/route-env";
import { hashGateRefusal, requestGate } from "@/lib/shared/request-gate";
import { requestListener } from "@/scripts/lib/request-listener.mjs";

// Anonymous requests that hash a password pass the hash gate (lib/server/auth/hash-gate.ts) before
// any hashing: a per-address rate, then a bounded number of hashes at once; refusals are 429s.
let t: TestDb;
let signUp: typeof import("@/app/api/account/sign-up/route").POST;
let nextAuth: typeof import("@/app/api/auth/[...nextauth]/route").POST;
let gate: typeof import("@/lib/server/auth/hash-gate");

beforeAll(async () => {
  t = await createSqliteTestDb();
  useTestEnv(t.url, { NEXTAUTH_URL: "http://localhost:3000" });
  signUp = (await import("@/app/api/account/sign-up/route")).POST;
  nextAuth = (await import("@/app/api/auth/[...nextauth]/route")).POST;
  gate = await import("@/lib/server/auth/hash-gate");
});
afterAll(async () => t?.drop());
beforeEach(() => gate.resetHashGate());

const PW = "correct horse battery staple";
const from = (ip: string) => ({ "x-framehouse-client-ip": ip });

/** Spends every token of `ip`'s bucket at once (sequential sign-ups would refill it while they hash).
 *  The first call may wait for a slot resting after an earlier hash, refilling a few tokens meanwhile. */
async function drain(ip: string) {
  for (let i = 0; i <= 2 * gate.AUTH_RATE_LIMIT.capacity; i++) {
    const refused = await gate.withHashBudget(ip, async () => false).catch(() => true);
    if (refused) return;
  }
  throw new Error("the bucket never ran dry");
}

/**
 * Runs `fn` with Date stopped, so a bucket drained by `drain` stays drained until it is checked. A
 * drained bucket keeps what was left under one token (0.99 of one, say), and at 0.5 tokens a second
 * a few milliseconds between the drain and the request could admit it again: with a running clock the
 * refusal depended on how loaded the machine was (it failed once in a run beside other test files).
 */
async function withClockStopped<T>(fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  const { error } = await res.json();
  expect(error.code).toBe("rate_limited");
  expect(error.messages.en).toBeTruthy();
  expect(error.messages["zh-CN"]).toBeTruthy();
}

describe("the hash gate", () => {
  it("limits sign-ups per client address before hashing; other addresses are unaffected", async () => {
    expect((await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "first@x.test", password: PW }, from("198.51.100.7")))).status).toBe(201);
    await withClockStopped(async () => {
      await drain("198.51.100.7");
      await expectRateLimited(await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "one-more@x.test", password: PW }, from("198.51.100.7"))));
    });
    expect(await t.client.user.count({ where: { email: "one-more@x.test" } })).toBe(0);
    expect((await signUp(jsonRequest("/api/account/sign-up", "POST", { email: "neighbour@x.test", password: PW }, from("198.51.100.8")))).status).toBe(201);
  });

  it("limits sign-ins with random emails per client address before any password is verified", async () => {
    const call = (url: string, init: { method: string; headers: Record<string, string>; body: string }) =>
      nextAuth(new NextRequest(`http://localhost:3000${url}`, { ...init, headers: { host: "localhost:3000", ...init.headers } }), {
        params: Promise.resolve({ nextauth: url.split("/").slice(3) }),
      });
    // Only the refusal is called here: an admitted call needs Next's request scope (next-auth reads
    // cookies()), which the end-to-end sign-in tests cover.
    const signIn = (email: string) =>
      call("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", ...from("203.0.113.5") },
        body: new URLSearchParams({ email, password: PW, csrfToken: "x", json: "true" }).toString(),
      });
    const refused = await withClockStopped(async () => {
      await drain("203.0.113.5");
      return signIn("random-1@x.test");
    });
    const body = (await refused.clone().json()) as { url: string };
    await expectRateLimited(refused);
    // next-auth's browser client reads its error from `url`: the sign-in form shows the wait.
    expect(new URL(body.url).searchParams.get("error")).toMatch(/^throttled:\d+$/);
    expect(await t.client.loginAttempt.count({ where: { ip: "203.0.113.5" } })).toBe(0);
  });

  it("runs at most max(1, min(pool size - 2, cores - 1)) hashes at once, queues a few, and refuses the rest with 429", async () => {
    let open!: () => void;
    const held = new Promise<void>((resolve) => (open = resolve));
    let running = 0;
    let peak = 0;
    const work = async () => {
      running++;
      peak = Math.max(peak, running);
      await held;
      running--;
    };
    const settled = Array.from({ length: 40 }, (_, i) => gate.withHashBudget(`192.0.2.${i}`, work).then(() => "ran", (e: { code?: string }) => e.code));
    open();
    const outcomes = await Promise.all(settled);
    const slots = gate.hashSlots();
    expect(peak).toBe(slots);
    expect(outcomes.filter((o) => o === "ran")).toHaveLength(slots + slots * 4);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(40 - 5 * slots);
    // The pool size leaves two threads to file reads, the cores one to the event loop.
    expect([gate.hashSlots(4, 2), gate.hashSlots(4, 8), gate.hashSlots(16, 8), gate.hashSlots(1, 1)]).toEqual([1, 2, 7, 1]);
  });

  it("rests a slot after each use as long as it was used, before the next waiter gets it", async () => {
    let open!: () => void;
    const held = new Promise<void>((resolve) => (open = resolve));
    const started: string[] = [];
    const holders = Array.from({ length: gate.hashSlots() }, (_, i) => gate.withHashBudget(`192.0.2.${200 + i}`, () => held));
    const waiter = gate.withHashBudget("192.0.2.250", async () => void started.push("waiter"));
    // The holders hold their slots (a turn later) while the CPU is busy for a while, as a hash does.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const until = performance.now() + 30;
    while (performance.now() < until);
    open();
    await Promise.all(holders);
    // A turn of the event loop later the waiter is still out: every slot rests about as long as it
    // was held (a plain hand-over would have let it in within the same turn).
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(started).toEqual([]);
    await waiter;
    expect(started).toEqual(["waiter"]);
  });

  it("publishes its state to the HTTP entry point, which refuses what it would refuse before Next and any hashing", async () => {
    // The entry point (scripts/lib/request-listener.mjs) in front of a stand-in for Next.
    const reached: string[] = [];
    const listener = requestListener({
      handle: (req, res) => {
        reached.push(String(req.headers["x-framehouse-client-ip"]));
        res.end();
      },
      gate: requestGate({ NEXTAUTH_URL: "http://localhost:3000" }),
      hashGate: hashGateRefusal,
      trustProxy: true,
      hold: { ms: 1, max: 4 },
    });
    const server = http.createServer(listener);
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const post = (ip: string) =>
      fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/account/sign-up`, {
        method: "POST",
        headers: { host: "localhost:3000", "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ email: "early@x.test", password: PW }),
      });
    try {
      await withClockStopped(async () => {
        await drain("198.51.100.20");
        await expectRateLimited(await post("198.51.100.20"));
      });
      // Every slot held and the queue full: a fresh address is refused there too, until one frees.
      let open!: () => void;
      const held = new Promise<void>((resolve) => (open = resolve));
      const slots = gate.hashSlots();
      const holders = Array.from({ length: 5 * slots }, (_, i) => gate.withHashBudget(`192.0.2.${100 + i}`, () => held));
      await expectRateLimited(await post("198.51.100.21"));
      open();
      await Promise.all(holders);
      expect(reached).toEqual([]);
      expect((await post("198.51.100.21")).status).toBe(200);
      expect(reached).toEqual(["198.51.100.21"]);
      expect(await t.client.user.count({ where: { email: "early@x.test" } })).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
