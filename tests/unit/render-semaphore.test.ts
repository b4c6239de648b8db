import { describe, expect, it } from "vitest";
import { Semaphore } from "@/lib/shared/semaphore";
import { defaultRenderConcurrency } from "@/lib/simulator/render/semaphore";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("Semaphore", () => {
  it("never runs more than `limit` tasks at once and runs them all", async () => {
    const sem = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        sem.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sem.inUse).toBe(0);
  });

  it("serves waiters first in, first out", async () => {
    const sem = new Semaphore(1);
    const release = await sem.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => sem.run(async () => void order.push(n)));
    expect(sem.queued).toBe(3);
    release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });

  it("releases the slot when a task throws, and ignores a double release", async () => {
    const sem = new Semaphore(1);
    await expect(sem.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const release = await sem.acquire();
    release();
    release();
    expect(sem.inUse).toBe(0);
    await sem.run(async () => expect(sem.inUse).toBe(1));
  });

  it("rejects nonsense limits; the default keeps a core free but is at least 1", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
    expect(defaultRenderConcurrency()).toBeGreaterThanOrEqual(1);
  });
});
