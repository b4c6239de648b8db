// S2 still and speech lanes keep the cap full: a backlog of STILL calls (a shot's 1–4 CogView stills,
// lib/server/stills) and of SPEECH calls (a shot's voice-over, lib/server/films/shot-voice.ts), 4×
// the lane cap each, queued through the real services (budget check, HOLD, job) and run by the
// real job runner against the simulator over HTTP, both lanes at once. With --quick time compresses on
// both sides as in P6 (the simulator's work time ÷ speed, the runner's time constants × the same scale).
//
// In flight = a still or speech request the call job has handed to the HTTP client and not had back
// (harness/timed-upstream.ts): exact intervals, no sampling error. Figure per lane: the time-weighted
// mean of in-flight ÷ the lane's cap while a backlog exists — from the lane's first send to its last
// send, after which the queue is empty and in-flight must drain below the cap whatever the runner does.
import fs from "node:fs";
import { speakShot } from "@/lib/server/films/shot-voice";
import { addShot } from "@/lib/server/films/shots";
import { makeStills } from "@/lib/server/stills/shot-stills";
import { createShotSchema } from "@/lib/shared/film/film-schemas";
import { startHarness } from "../tests/support/worker-harness";
import { benchFilm, benchWorker } from "./harness/bench-world";
import { captureLogs } from "./harness/pipeline-run";
import { atLeast, type BenchRow, verdict } from "./harness/report";
import { backlogUtilisation, handoffGaps, median, percentile } from "./harness/stats";
import { type CallKind, timedUpstream } from "./harness/timed-upstream";

const TARGET = 0.95;
const CAP = 5;
const BACKLOG = 4 * CAP;
const STILLS_PER_SHOT = 4;
/** The production WORKER_CONCURRENCY default: jobs one runner process works on at once. */
const WORKER_JOBS = 4;

const OPEN = ["QUEUED", "ACTIVE"];

async function waitCallsEnded(h: Awaited<ReturnType<typeof startHarness>>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await h.db.job.count({ where: { kind: "ai-call", status: { in: OPEN as never } } });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`timed out with ${open} call jobs open`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function s2Rows(quick: boolean): Promise<BenchRow[]> {
  // Real time in the full run: a standard still takes 5–10 s on the platform, speech 1–3 s, and the
  // runner's per-call work (answer stored and settled, the next claim, the pre-send fence: ~0.1 s on this
  // busy machine) does not compress. At ÷2 it was a tenth of a compressed speech call (0.5–1.5 s), a
  // share it never has at full length; unlike a 285 s video take, speech needs no compression to run
  // in seconds. The quick run compresses ÷5 and shows that share.
  const speed = quick ? 5 : 1;
  const h = await startHarness({ speed, concurrency: CAP });
  const logs = captureLogs();
  const timed = timedUpstream(h.sim);
  try {
    const { access, film } = await benchFilm(h, "S2");
    const shots: string[] = [];
    for (let i = 0; i < BACKLOG; i++) {
      const body = { mode: "text", prompt: `Shot ${i + 1}: a lighthouse keeper climbs the stairs at dusk`, caption: `第${i + 1}句：灯塔的光又亮起来了。` };
      const view = await addShot(h.db, access, film.id, createShotSchema.parse(body), "127.0.0.1");
      shots.push(view.shots.at(-1)!.id);
    }
    for (let i = 0; i < BACKLOG / STILLS_PER_SHOT; i++) await makeStills(h.db, access, shots[i]!, { count: STILLS_PER_SHOT }, `s2-still-${i}`, "127.0.0.1");
    for (const [i, shotId] of shots.entries()) await speakShot(h.db, h.storage, access, shotId, `s2-voice-${i}`, {});
    const started = Date.now();
    const worker = benchWorker(h, { speed, cap: CAP, concurrency: WORKER_JOBS, upstream: timed.upstream });
    try {
      await waitCallsEnded(h, quick ? 120_000 : 300_000);
    } finally {
      await worker.stop(5_000);
    }
    const wallMs = Date.now() - started;
    const calls = await h.db.aiCall.groupBy({ by: ["kind", "status"], _count: true });
    const stillsReady = await h.db.shotStill.count({ where: { upload: { status: "READY" } } });
    const peak = h.sim.control.stats().peakInFlight;
    const over = h.sim.control.stats().rejectedOverCap;
    const lane = (kind: CallKind, label: string, model: string, done: number): BenchRow => {
      const u = backlogUtilisation(timed.intervals[kind], CAP);
      // Where the rest of the cap went: how long a freed slot stayed empty before the next call went out.
      const gaps = handoffGaps(timed.intervals[kind], CAP);
      const calls = timed.intervals[kind].map((i) => i.end - i.start);
      const where = `request median ${median(calls).toFixed(0)} ms; a freed slot empty for median ${median(gaps).toFixed(0)} ms, p95 ${percentile(gaps, 0.95).toFixed(0)} ms (answer stored + settled, next claim, pre-send fence)`;
      console.error(`S2 ${label}: ${timed.intervals[kind].length} requests, in-flight ÷ cap ${u.utilisation.toFixed(3)} over ${(u.backlogMs / 1000).toFixed(1)} s of backlog, peak ${u.peak}; ${where}`);
      return {
        id: "S2",
        figure: `${label} lane: mean in-flight ÷ cap while a backlog exists`,
        measured: u.utilisation.toFixed(3),
        target: `≥ ${TARGET}`,
        verdict: done === BACKLOG && u.peak <= CAP ? atLeast(u.utilisation, TARGET) : "MISS",
        conditions: `${BACKLOG} ${label} calls queued before the worker starts (cap ${CAP}), ${done}/${BACKLOG} done; backlog ${(u.backlogMs / 1000).toFixed(1)} s (first → last send), peak in flight ${u.peak} (simulator ${peak[model] ?? 0}); ${where}`,
      };
    };
    const done = (kind: string) => calls.filter((c) => c.kind === kind && c.status === "DONE").reduce((n, c) => n + c._count, 0);
    const stillModel = String((await h.db.aiCall.findFirst({ where: { kind: "STILL" }, select: { model: true } }))?.model);
    const speechModel = String((await h.db.aiCall.findFirst({ where: { kind: "SPEECH" }, select: { model: true } }))?.model);
    return [
      lane("still", "still", stillModel, done("STILL")),
      lane("speech", "speech", speechModel, done("SPEECH")),
      {
        id: "S2",
        figure: "over-cap refusals (simulator 1302)",
        measured: String(over),
        target: "0",
        verdict: verdict(over === 0),
        conditions: `both lanes at once, 1 worker × ${WORKER_JOBS} jobs (WORKER_CONCURRENCY default), time ÷${speed}; ${stillsReady}/${BACKLOG} stills re-hosted; wall ${(wallMs / 1000).toFixed(1)} s`,
      },
    ];
  } finally {
    logs.restore();
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  }
}
