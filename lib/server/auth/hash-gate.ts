import "server-only";
import { availableParallelism } from "node:os";
import { env } from "../env";
import { AppError } from "../errors";
import { type RateLimitConfig, TokenBuckets } from "../net/token-buckets";
import { publishHashGateProbe } from "@/lib/shared/hash-gate-probe";

// Password hashing (scrypt, password.ts) is deliberately expensive and runs on libuv's thread pool,
// the same few threads that read files for media and uploads. Anonymous clients can ask for it at
// will (sign-in with random emails is never throttled per account, sign-up has no account yet), so
// every request that may hash passes this gate first, before any hashing:
// - a per-client-address token bucket (AUTH_RATE_LIMIT), per process like the share limit;
// - a semaphore of max(1, min(pool size - 2, cores - 1)) hashing requests, so at least two pool
//   threads stay free for file reads and a core for the event loop (a hash is pure CPU), with a short
//   queue for a burst of real users; beyond that the answer is 429;
// - after each use a slot rests as long as it was used (at most REST_MAX_MS) before the next waiter
//   gets it: while a flood keeps the queue full, hashing takes about half of a core per slot instead
//   of all of it, and on a busy machine that core is the one reads and the event loop compete for.
//   One person signing in never meets the rest (it comes after their hash).
// A refusal is `rate_limited` with Retry-After (the caller maps it to its response).
// The HTTP entry point asks the same state, without consuming anything, before Next handles a
// request that may hash (lib/shared/hash-gate-probe.ts): a flood of refusals then costs no more than
// a few header bytes each, and is held there for a moment so a sequential flooder cannot spin.

/** 30 requests of burst per address, then one every 2 s (a person retyping a password never meets it). */
export const AUTH_RATE_LIMIT: RateLimitConfig = { capacity: 30, refillPerSec: 0.5, maxKeys: 10_000 };
const QUEUE_PER_SLOT = 4;
const REST_MAX_MS = 5_000;

class HashSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly slots: number) {}

  /** Resolves once a slot is held; false at once when the slots and the queue are full. */
  async acquire(): Promise<boolean> {
    if (this.active < this.slots) {
      this.active++;
      return true;
    }
    if (this.full) return false;
    // The releasing holder hands its slot over directly (active stays the same).
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return true;
  }

  /** Every slot held and the queue full: acquire() would refuse now. */
  get full(): boolean {
    return this.active >= this.slots && this.waiting.length >= this.slots * QUEUE_PER_SLOT;
  }

  /** Gives the slot back after it was held `busyMs`: to the next waiter once it has rested as long. */
  release(busyMs: number): void {
    const rest = Math.min(REST_MAX_MS, busyMs);
    if (!(rest >= 1)) return this.handOver();
    setTimeout(() => this.handOver(), rest).unref();
  }

  private handOver(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** Hashes allowed at once: pool threads left for file reads, a core left for the event loop. */
export function hashSlots(pool = env().UV_THREADPOOL_SIZE, cores = availableParallelism()): number {
  return Math.max(1, Math.min(pool - 2, cores - 1));
}

interface Gate {
  buckets: TokenBuckets;
  slots: HashSlots;
}

const KEY = Symbol.for("framehouse.hashGate");

function gate(): Gate {
  const g = globalThis as unknown as Record<symbol, Gate | undefined>;
  if (!g[KEY]) {
    const state: Gate = { buckets: new TokenBuckets(AUTH_RATE_LIMIT), slots: new HashSlots(hashSlots()) };
    g[KEY] = state;
    publishHashGateProbe({
      wouldRefuse(ip) {
        const decision = state.buckets.peek(ip);
        if (!decision.ok) return decision.retryAfterSec;
        return state.slots.full ? 1 : null;
      },
    });
  }
  return g[KEY];
}

function refused(retryAfterSec: number): AppError {
  return new AppError("rate_limited", { headers: { "Retry-After": String(retryAfterSec) } });
}

/** Runs `work` (which may hash a password) if `ip` is under its rate and a hashing slot is free. */
export async function withHashBudget<T>(ip: string, work: () => Promise<T>): Promise<T> {
  const { buckets, slots } = gate();
  const decision = buckets.take(ip);
  if (!decision.ok) throw refused(decision.retryAfterSec);
  if (!(await slots.acquire())) throw refused(1);
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    slots.release(performance.now() - t0);
  }
}

/** Test hook: forget every address's bucket (tests call handlers from one address in one process). */
export function resetHashGate(): void {
  (globalThis as unknown as Record<symbol, Gate | undefined>)[KEY] = undefined;
  publishHashGateProbe(undefined);
}
