// One backlog run of the real worker pipeline (tests/support/worker-harness.ts: migrated SQLite,
// the simulator over HTTP, local storage) with time compressed by `speed` on both sides: the
// simulator's generation times and the worker's poll/backoff timings (WORKER_TIME_SCALE) and idle
// poll. Returns what P2 (live), P3 and P6 compute their figures from: the rows (with when each
// poster arrived), the simulator's task timeline and the worker's own per-clip timings from its
// "video.rehosted" log lines. The run ends when every take is terminal and every poster job ended.
import fs from "node:fs";
import path from "node:path";
import { successAt, type SimTask } from "@/lib/simulator/task-store";
import { queueTextClips, seedUser, startHarness, waitAllTerminal } from "../../tests/support/worker-harness";
import { benchWorker } from "./bench-world";

interface PipelineClip {
  id: string;
  status: string;
  pollCount: number;
  acceptedAt: number;
  successSeenAt: number;
  finishedAt: number;
  /** When the poster's Asset row was committed (the clip-derivatives job), NaN if it never was. */
  posterAt: number;
  upstreamTaskId: string | null;
}

interface RehostLog {
  generationId: string;
  bytes: number;
  downloadMs: number;
  storeMs: number;
}

/** The worker's "derivatives.made" line: one derived file of one clip. */
interface DerivedLog {
  generationId: string;
  file: string;
  ffmpegMs: number;
}

export interface PipelineRun {
  speed: number;
  cap: number;
  workerConcurrency: number;
  clips: PipelineClip[];
  /** Simulator tasks: accepted at createdAt, in flight until SUCCESS became visible. */
  tasks: { id: string; createdAt: number; successAt: number; readyAt: number }[];
  rehosts: RehostLog[];
  derived: DerivedLog[];
  wallMs: number;
  peakInFlight: number;
}

/** Captures the worker's JSON log lines from stdout for the run (and keeps them off the terminal). */
export function captureLogs(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    if (text.startsWith('{"t":')) {
      lines.push(...text.split("\n").filter(Boolean));
      return true;
    }
    return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  return { lines, restore: () => (process.stdout.write = original) };
}

function parseRehosts(lines: string[]): RehostLog[] {
  const out: RehostLog[] = [];
  for (const l of lines) {
    if (!l.includes('"video.rehosted"')) continue;
    try {
      const o = JSON.parse(l) as Partial<RehostLog>;
      if (o.generationId && typeof o.downloadMs === "number") {
        out.push({ generationId: o.generationId, bytes: o.bytes ?? 0, downloadMs: o.downloadMs, storeMs: o.storeMs ?? NaN });
      }
    } catch {
      // A partial line: ignore.
    }
  }
  return out;
}

function parseDerived(lines: string[]): DerivedLog[] {
  const out: DerivedLog[] = [];
  for (const l of lines) {
    if (!l.includes('"derivatives.made"')) continue;
    try {
      const o = JSON.parse(l) as Partial<DerivedLog>;
      if (o.generationId && o.file && typeof o.ffmpegMs === "number") out.push({ generationId: o.generationId, file: o.file, ffmpegMs: o.ffmpegMs });
    } catch {
      // A partial line: ignore.
    }
  }
  return out;
}

export async function runPipeline(opts: { clips: number; speed: number; cap: number; workerConcurrency: number; timeoutMs: number }): Promise<PipelineRun> {
  const h = await startHarness({ speed: opts.speed, concurrency: opts.cap });
  const logs = captureLogs();
  try {
    const owner = await seedUser(h.db);
    await queueTextClips(h.db, owner, opts.clips);
    const started = Date.now();
    // The production defaults (WORKER_LEASE_MS 60 s, WORKER_IDLE_POLL_MS 1 s), scaled like the upstream.
    const worker = benchWorker(h, { speed: opts.speed, cap: opts.cap, concurrency: opts.workerConcurrency });
    let wallMs = NaN;
    try {
      // P6's run ends when every take is; the posters then get their own deadline (P3 reports how many arrived).
      await waitAllTerminal(h.db, opts.timeoutMs, { derivatives: false });
      wallMs = Date.now() - started;
      await waitAllTerminal(h.db, opts.timeoutMs).catch((e: unknown) => console.error(`posters: ${e instanceof Error ? e.message : String(e)}`));
    } finally {
      await worker.stop(5_000);
    }
    const rows = await h.db.generation.findMany({
      select: {
        id: true,
        status: true,
        pollCount: true,
        acceptedAt: true,
        successSeenAt: true,
        finishedAt: true,
        upstreamTaskId: true,
        assets: { where: { kind: "POSTER" }, select: { createdAt: true } },
      },
    });
    const taskDir = path.join(h.dir, "sim", "tasks");
    const tasks = fs
      .readdirSync(taskDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(fs.readFileSync(path.join(taskDir, f), "utf8")) as SimTask)
      .map((t) => ({ id: t.id, createdAt: t.createdAt, readyAt: t.readyAt, successAt: successAt(t) }));
    return {
      speed: opts.speed,
      cap: opts.cap,
      workerConcurrency: opts.workerConcurrency,
      clips: rows.map((r) => ({
        id: r.id,
        status: r.status,
        pollCount: r.pollCount,
        acceptedAt: r.acceptedAt?.getTime() ?? NaN,
        successSeenAt: r.successSeenAt?.getTime() ?? NaN,
        finishedAt: r.finishedAt?.getTime() ?? NaN,
        posterAt: r.assets[0]?.createdAt.getTime() ?? NaN,
        upstreamTaskId: r.upstreamTaskId,
      })),
      tasks,
      rehosts: parseRehosts(logs.lines),
      derived: parseDerived(logs.lines),
      wallMs,
      peakInFlight: h.sim.control.stats().peakInFlight["viduq1-text"] ?? 0,
    };
  } finally {
    logs.restore();
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  }
}
