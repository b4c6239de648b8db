// P3 SUCCESS → STORED minus the transfer time: what the pipeline adds after it noticed SUCCESS
// (verification, ffprobe, poster and preview with ffmpeg, the storage puts, the STORED commit),
// per clip of the P6 backlog run. Transfer = the worker's own downloadMs for that clip (its
// "worker.rehosted" log line), so this is everything except moving the bytes.
import type { PipelineRun } from "./harness/pipeline-run";
import { atMost, type BenchRow, fmtMs } from "./harness/report";
import { median, percentile } from "./harness/stats";

const TARGET_MS = 1_000;

export function p3Rows(run: PipelineRun): BenchRow[] {
  const logs = new Map(run.rehosts.map((r) => [r.generationId, r]));
  const overhead: number[] = [];
  const total: number[] = [];
  const ffmpeg: number[] = [];
  for (const c of run.clips) {
    const log = logs.get(c.id);
    if (c.status !== "STORED" || !log) continue;
    const t = c.finishedAt - c.successSeenAt;
    total.push(t);
    overhead.push(t - log.downloadMs);
    ffmpeg.push(log.ffmpegMs);
  }
  const med = median(overhead);
  const cond = `${overhead.length} clips of the P6 run (≤ ${run.workerConcurrency} jobs at once); total median ${fmtMs(median(total), 0)}, of which ffmpeg poster+preview ${fmtMs(median(ffmpeg), 0)}`;
  return [
    { id: "P3", figure: "SUCCESS seen → STORED minus transfer, median", measured: fmtMs(med, 0), target: `≤ ${fmtMs(TARGET_MS, 0)}`, verdict: atMost(med, TARGET_MS), conditions: cond },
    {
      id: "P3",
      figure: "SUCCESS seen → STORED minus transfer, p95",
      measured: fmtMs(percentile(overhead, 0.95), 0),
      target: `≤ ${fmtMs(TARGET_MS, 0)}`,
      verdict: atMost(percentile(overhead, 0.95), TARGET_MS),
      conditions: "same clips",
    },
  ];
}
