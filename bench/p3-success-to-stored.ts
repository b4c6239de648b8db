// P3 SUCCESS seen → playable minus the transfer time: what the pipeline adds after it noticed SUCCESS
// before the clip can be played (verification, ffprobe, the storage puts of the video and cover, the
// STORED commit), per clip of the P6 backlog run. Transfer = the worker's own downloadMs for that
// clip (its "video.rehosted" log line), so this is everything except moving the bytes. The poster
// and preview are made afterwards by the clip-derivatives job; SUCCESS → poster ready is reported
// beside it (context, no target: the gallery shows a placeholder until then).
import type { PipelineRun } from "./harness/pipeline-run";
import { atMost, type BenchRow, fmtMs } from "./harness/report";
import { median, percentile } from "./harness/stats";

const MEDIAN_TARGET_MS = 500;
const P95_TARGET_MS = 1_000;

export function p3Rows(run: PipelineRun): BenchRow[] {
  const logs = new Map(run.rehosts.map((r) => [r.generationId, r]));
  const overhead: number[] = [];
  const total: number[] = [];
  const puts: number[] = [];
  const poster: number[] = [];
  for (const c of run.clips) {
    const log = logs.get(c.id);
    if (c.status !== "STORED" || !log) continue;
    const t = c.finishedAt - c.successSeenAt;
    total.push(t);
    overhead.push(t - log.downloadMs);
    puts.push(log.storeMs);
    if (Number.isFinite(c.posterAt)) poster.push(c.posterAt - c.successSeenAt);
  }
  const med = median(overhead);
  const p95 = percentile(overhead, 0.95);
  const ffmpeg = (file: string) => fmtMs(median(run.derived.filter((d) => d.file === file).map((d) => d.ffmpegMs)), 0);
  const cond = `${overhead.length} clips of the P6 run (≤ ${run.workerConcurrency} jobs at once); SUCCESS → playable total median ${fmtMs(median(total), 0)}, of which storage puts (video + cover) ${fmtMs(median(puts), 0)}`;
  return [
    { id: "P3", figure: "SUCCESS seen → playable minus transfer, median", measured: fmtMs(med, 0), target: `≤ ${fmtMs(MEDIAN_TARGET_MS, 0)}`, verdict: atMost(med, MEDIAN_TARGET_MS), conditions: cond },
    { id: "P3", figure: "SUCCESS seen → playable minus transfer, p95", measured: fmtMs(p95, 0), target: `≤ ${fmtMs(P95_TARGET_MS, 0)}`, verdict: atMost(p95, P95_TARGET_MS), conditions: "same clips" },
    {
      id: "P3",
      figure: "SUCCESS seen → poster ready, median (p95)",
      measured: `${fmtMs(median(poster), 0)} (${fmtMs(percentile(poster, 0.95), 0)})`,
      target: "(context)",
      verdict: "n/a",
      conditions: `${poster.length} of ${overhead.length} posters; made by the clip-derivatives job in the media lane (cap 2; ffmpeg median: the poster's run, which makes the preview too, ${ffmpeg("poster.jpg")}; the preview step, reading that stored preview back, ${ffmpeg("preview.mp4")}), queueing included; the tile shows a placeholder until then`,
    },
  ];
}
