import { z } from "zod";
import type { FaultQueue, FaultSpec } from "./faults";
import type { RenderQueue } from "./render-queue";
import { REPEAT_REQUEST_ID_BEHAVIOURS } from "@/lib/shared/upstream/upstream-facts";
import type { SimSwitches } from "./sim-options";
import { emptyStats, type SimStats } from "./sim-stats";
import { statusAt, type TaskStatus, type TaskStore } from "./task-store";

// The programmatic remote control tests hold (also reachable over HTTP via handle-control.ts).

export const switchesPatchSchema = z
  .object({
    noBalance: z.boolean(),
    overloaded: z.boolean(),
    failRate: z.number().min(0).max(1),
    concurrency: z.number().int().min(0).max(100_000),
    speed: z.number().positive().max(1_000_000),
    unsafeMarkers: z.array(z.string()),
    urlTtlSeconds: z.number().int().min(1),
    imageUrlTtlSeconds: z.number().int().min(1),
    repeatRequestId: z.enum(REPEAT_REQUEST_ID_BEHAVIOURS),
    promptTooLongCode: z.enum(["1261", "1214"]),
  })
  .partial()
  .strict();

export interface SimControl {
  /** Flip account switches (throws on an invalid value). */
  set(patch: Partial<SimSwitches>): void;
  switches(): SimSwitches;
  inject(fault: FaultSpec): void;
  clearFaults(): void;
  pendingFaults(): FaultSpec[];
  /** Move the simulator's clock forward (generation times, URL expiry). */
  advanceTime(ms: number): void;
  /** A deep copy of the ledger and counters. */
  stats(): SimStats;
  resetStats(): void;
  /** Resolves when no render is queued or running. */
  rendersIdle(): Promise<void>;
  taskStatus(id: string): TaskStatus | undefined;
}

export interface ControlDeps {
  switches: SimSwitches;
  faults: FaultQueue;
  renders: RenderQueue;
  store: TaskStore;
  stats: () => SimStats;
  replaceStats: (s: SimStats) => void;
  advance: (ms: number) => void;
  now: () => number;
}

export function createControl(d: ControlDeps): SimControl {
  return {
    set(patch) {
      Object.assign(d.switches, switchesPatchSchema.parse(patch));
    },
    switches: () => ({ ...d.switches, unsafeMarkers: [...d.switches.unsafeMarkers] }),
    inject: (f) => d.faults.add(f),
    clearFaults: () => d.faults.clear(),
    pendingFaults: () => d.faults.pending(),
    advanceTime(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error("advanceTime needs a non-negative number");
      d.advance(ms);
    },
    stats: () => structuredClone(d.stats()),
    resetStats: () => d.replaceStats(emptyStats()),
    rendersIdle: () => d.renders.idle(),
    taskStatus(id) {
      const t = d.store.get(id);
      return t ? statusAt(t, d.now()) : undefined;
    },
  };
}
