import path from "node:path";
import type { Upstream } from "@/lib/server/bigmodel/upstream";
import type { JobKind } from "@/lib/server/jobs/job-kind";
import type { Storage } from "@/lib/server/storage";
import type { RunningWorker } from "@/lib/server/worker/start-worker";
import { type RunningSimulator, startSimulator } from "@/lib/simulator/server";
import { fakeRender, tempDir } from "@/tests/support/simulator-fixtures";
import type { Studio } from "./generations-api-support";

// The world of the platform-call tests (prompt help, script breakdown, stills, voice): the simulator
// over HTTP and one in-process worker running the call job against the studio's database, with the
// runner's timings scaled down. `reset` is what each test starts from: no scripted faults, fresh
// simulator counters, no budgets. The worker's modules are imported here, after setupStudio reset
// the module cache, so the worker and the route handlers share one instance of each (env, nudges).

export interface CallWorld {
  sim: RunningSimulator;
  worker: RunningWorker;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCallWorld(
  s: Studio,
  opts: { name: string; simSpeed?: number; chatLatencyMs?: number; requestTimeoutMs?: number; storage?: Storage; extraKinds?: readonly JobKind[]; mediaCap?: number },
): Promise<CallWorld> {
  const { aiCallJob } = await import("@/lib/server/ai-calls/call-job");
  const { upstreamClients } = await import("@/lib/server/bigmodel/upstream");
  const { createLocalStorage } = await import("@/lib/server/storage");
  const { startWorker } = await import("@/lib/server/worker/start-worker");
  const sim = await startSimulator({ render: fakeRender, cacheDir: tempDir(`${opts.name}-sim`), speed: opts.simSpeed ?? 1, ...(opts.chatLatencyMs === undefined ? {} : { chatLatencyMs: opts.chatLatencyMs }) });
  const options = { baseUrl: sim.baseUrl, apiKey: sim.keys[0] ?? "", requestTimeoutMs: opts.requestTimeoutMs ?? 5_000 };
  const upstream: Upstream = { ...upstreamClients(options), mode: "simulator", mediaOrigins: [sim.url] };
  const worker = startWorker({
    db: s.db,
    provider: s.t.name,
    storage: opts.storage ?? createLocalStorage(path.join(s.dataDir, "media")),
    upstream: () => Promise.resolve(upstream),
    kinds: [aiCallJob, ...(opts.extraKinds ?? [])],
    leaseMs: 3_000,
    timeScale: 200,
    modelCap: 4,
    ...(opts.mediaCap === undefined ? {} : { mediaCap: opts.mediaCap }),
    concurrency: 2,
    idlePollMs: 50,
    scratchDir: path.join(s.dataDir, "scratch"),
  });
  return {
    sim,
    worker,
    async reset() {
      sim.control.clearFaults();
      sim.control.resetStats();
      await s.db.budget.deleteMany({});
    },
    async stop() {
      await worker.stop(2_000);
      await sim.close();
    },
  };
}
