// F2 "generate missing shots": a 12-shot film with 3 chained shots (shots 4, 8 and 12 are image shots
// that start from the previous shot's last frame; the other 9 are text shots) queued by ONE batch
// (lib/server/films/generate-missing.ts), run by the real worker against the simulator with its
// per-model concurrency cap. Figure: wall time from the batch's POST to the last take STORED ÷ the
// ideal schedule under the cap.
//
// The ideal comes from the simulator's configured task duration: its generation time is made
// deterministic (random() = 0.5, so every task of a model takes exactly drawGenerationMs), and with
// equal durations per model the shortest possible schedule is max(critical path, ⌈n / cap⌉ × D of each
// model's lane) — here max(D_text + D_image, ⌈9/5⌉ × D_text, ⌈3/5⌉ × D_image) = 2 × D_text: the
// three chain heads in the first text wave, their chained image takes during the second. Everything
// else (submit, polls, the download and re-host, last-frame extraction) is overhead the ratio counts.
// The simulator's own ffmpeg is not: every image task gets one shared, cached clip (sharedClipRender),
// as the real upstream renders on its own machines.
import fs from "node:fs";
import { estimateMissing, generateMissing } from "@/lib/server/films/generate-missing";
import { addShot } from "@/lib/server/films/shots";
import { createShotSchema } from "@/lib/shared/film/film-schemas";
import { drawGenerationMs } from "@/lib/simulator/generation-time";
import { sharedClipRender } from "../tests/support/simulator-fixtures";
import { startHarness, waitAllTerminal } from "../tests/support/worker-harness";
import { benchFilm, benchWorker } from "./harness/bench-world";
import { captureLogs } from "./harness/pipeline-run";
import { atMost, type BenchRow, fmtRatio, verdict } from "./harness/report";

const TARGET = 1.1;
const CAP = 5;
const SHOTS = 12;
const FIXED = () => 0.5;
// One prompt per mode: the simulator renders a prompt's clip once (render cache).
const TEXT_PROMPT = "A paper boat drifts down a rainy street at dawn";
const CHAINED_PROMPT = "The boat drifts on, the camera follows";

const chainedAt = (i: number) => i % 4 === 3; // shots 4, 8, 12

/** max(critical path, per lane ⌈n / cap⌉ × D): the optimum for equal task durations per lane. */
function idealMs(dText: number, dImage: number): { ms: number; criticalMs: number; textLaneMs: number; imageLaneMs: number } {
  const chained = Array.from({ length: SHOTS }, (_, i) => chainedAt(i)).filter(Boolean).length;
  const text = SHOTS - chained;
  const criticalMs = dText + dImage;
  const textLaneMs = Math.ceil(text / CAP) * dText;
  const imageLaneMs = Math.ceil(chained / CAP) * dImage;
  return { ms: Math.max(criticalMs, textLaneMs, imageLaneMs), criticalMs, textLaneMs, imageLaneMs };
}

/**
 * Both schedules side by side in one run, the same load for each: first the last frames moved back
 * into the shared `media` lane (behind posters and previews, as before they had a lane of their
 * own — the kind still claims there), then as queued, in their `frames` lane. The figure is the second.
 */
export async function f2Rows(quick: boolean): Promise<BenchRow[]> {
  const figure = "for comparison, same run: last frames in the shared media lane";
  const before = await f2Run(quick, true).then(
    (rows) => rows.find((r) => r.figure.startsWith("generate missing")),
    (e: unknown) => ({ id: "F2", figure, measured: "failed", target: "—", verdict: "n/a" as const, conditions: String(e) }),
  );
  const own = await f2Run(quick, false);
  if (before) own.push({ ...before, figure, target: "—", verdict: "n/a" });
  return own;
}

async function f2Run(quick: boolean, sharedMediaLane: boolean): Promise<BenchRow[]> {
  // Generation time compresses, ffmpeg and database work don't: a lower factor is closer to production,
  // where a text take takes ~285 s and an image take ~150 s. At ÷25 the ideal was 22 s and the fixed
  // work of the last download alone (fetch, ffprobe, fsync'd store: 1–3 s on a busy 2-core machine)
  // was a tenth of it, a share it never has at full length; the full run uses ÷5 (ideal ≈ 114 s), and
  // the overhead in seconds is reported beside the ratio, so nothing hides in the scale.
  const speed = quick ? 50 : 5;
  const h = await startHarness({ speed, concurrency: CAP, random: FIXED, render: sharedClipRender });
  const logs = captureLogs();
  try {
    const { access, film } = await benchFilm(h, "F2");
    for (let i = 0; i < SHOTS; i++) {
      const body = chainedAt(i) ? { mode: "image", prompt: CHAINED_PROMPT, start: { kind: "previous" } } : { mode: "text", prompt: TEXT_PROMPT };
      await addShot(h.db, access, film.id, createShotSchema.parse(body), "127.0.0.1");
    }
    // The production defaults (WORKER_LEASE_MS 60 s, WORKER_IDLE_POLL_MS 1 s) scaled like the upstream;
    // enough job slots for both lanes full plus the frame jobs.
    const worker = benchWorker(h, { speed, cap: CAP, concurrency: 2 * CAP + 2 });
    let wallMs = NaN;
    let batch: Awaited<ReturnType<typeof generateMissing>>;
    try {
      const est = await estimateMissing(h.db, access, film.id, 1);
      const started = Date.now();
      batch = await generateMissing(h.db, access, film.id, { takes: 1, expectTotalFen: est.totalFen }, "f2-batch-key", "127.0.0.1");
      if (sharedMediaLane) await h.db.job.updateMany({ where: { kind: "last-frame" }, data: { lane: "media" } });
      await waitAllTerminal(h.db, quick ? 180_000 : 400_000, { derivatives: false });
      wallMs = Date.now() - started;
    } finally {
      await worker.stop(5_000);
    }
    const takes = await h.db.generation.findMany({ select: { id: true, status: true, submittedAt: true, finishedAt: true, acceptedAt: true, successSeenAt: true, createdAt: true } });
    const by = new Map(takes.map((t) => [t.id, t]));
    const order = batch.takes.map((t) => by.get(t.takeId)!);
    const stored = order.filter((t) => t.status === "STORED").length;
    // Each chained take reached the upstream only after the take before it was stored.
    const inOrder = order.filter((t, i) => chainedAt(i) && t.submittedAt && order[i - 1]?.finishedAt && t.submittedAt >= order[i - 1]!.finishedAt!).length;
    const dText = drawGenerationMs("viduq1-text", speed, FIXED);
    const dImage = drawGenerationMs("viduq1-image", speed, FIXED);
    const ideal = idealMs(dText, dImage);
    const ratio = wallMs / ideal.ms;
    const accepts = order.map((t) => t.acceptedAt?.getTime() ?? NaN).filter(Number.isFinite);
    const upstreamSpan = Math.max(...order.map((t) => t.finishedAt?.getTime() ?? NaN).filter(Number.isFinite)) - Math.min(...accepts);
    const peak = h.sim.control.stats().peakInFlight;
    // Where the time went, per take in film order: seconds from the batch's commit to submit / accept / success seen / STORED.
    const t0 = Math.min(...order.map((t) => t.createdAt.getTime()));
    const at = (d: Date | null) => (d ? ((d.getTime() - t0) / 1000).toFixed(1) : "—");
    console.error(`F2 last frames in the ${sharedMediaLane ? "shared media" : "frames"} lane: wall ${(wallMs / 1000).toFixed(1)} s`);
    console.error(`F2 timeline (s: submit/accept/seen/stored): ${order.map((t, i) => `#${i + 1} ${at(t.submittedAt)}/${at(t.acceptedAt)}/${at(t.successSeenAt)}/${at(t.finishedAt)}`).join("  ")}`);
    const frames = await h.db.job.findMany({ where: { kind: "last-frame" }, select: { subjectId: true, finishedAt: true } });
    const media = await h.db.job.findMany({ where: { kind: "clip-derivatives" }, select: { finishedAt: true } });
    console.error(`F2 last frames done (s): ${frames.map((f) => `#${order.findIndex((t) => t.id === f.subjectId) + 1} ${at(f.finishedAt)}`).join("  ")}; posters/previews done (s): ${media.map((m) => at(m.finishedAt)).sort((a, b) => Number(a) - Number(b)).join(" ")}`);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const cond = `12 shots (9 text + 3 image chained to the shot before: 4, 8, 12), 1 take each, cap ${CAP}/model, time ÷${speed}, task durations fixed by the simulator: text ${s(dText)}, image ${s(dImage)}; ideal = max(critical ${s(ideal.criticalMs)}, text lane ⌈9/5⌉×${s(dText)} = ${s(ideal.textLaneMs)}, image lane ${s(ideal.imageLaneMs)}) = ${s(ideal.ms)}; wall ${s(wallMs)} (overhead over the ideal ${s(wallMs - ideal.ms)}); ${stored}/12 STORED`;
    return [
      { id: "F2", figure: "generate missing: wall ÷ ideal schedule under the cap", measured: fmtRatio(ratio), target: `≤ ${TARGET}×`, verdict: stored === SHOTS ? atMost(ratio, TARGET) : "MISS", conditions: cond },
      { id: "F2", figure: "chained takes sent only after their source was stored", measured: `${inOrder}/3`, target: "3/3", verdict: verdict(inOrder === 3), conditions: "submittedAt of each chained take ≥ finishedAt (STORED) of the take before it" },
      { id: "F2", figure: "peak in-flight per model (simulator)", measured: `text ${peak["viduq1-text"] ?? 0}, image ${peak["viduq1-image"] ?? 0}`, target: `≤ ${CAP}`, verdict: verdict((peak["viduq1-text"] ?? 0) <= CAP && (peak["viduq1-image"] ?? 0) <= CAP), conditions: `first accept → last STORED ${s(upstreamSpan)} (context: the batch's POST → first accept is in the wall time)` },
    ];
  } finally {
    logs.restore();
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  }
}
