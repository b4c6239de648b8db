// F1's renderCut side, run in a fresh process so its peak RSS is the render's own, not the bench's:
//   node --conditions=react-server --import tsx bench/harness/film-render-probe.ts <job.json> <out.json>
// job.json: { cut, inputs, outFile, scratchDir, preset }. Writes { ms, nodePeakBytes } to out.json;
// ms is renderCut alone (probes, ffmpeg, the ffprobe check, the rename), not Node's start-up.
import fs from "node:fs";
import { renderCut, type X264Preset } from "@/lib/server/film-render/render-cut";
import type { Cut } from "@/lib/shared/film/cut";

interface ProbeJob {
  cut: Cut;
  inputs: Record<string, string>;
  outFile: string;
  scratchDir: string;
  preset: X264Preset;
}

/** The kernel's high-water mark of this process's resident set (VmHWM), in bytes. */
function peakRss(): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

const [jobFile, outJson] = process.argv.slice(2);
if (!jobFile || !outJson) throw new Error("usage: film-render-probe.ts <job.json> <out.json>");
const job = JSON.parse(fs.readFileSync(jobFile, "utf8")) as ProbeJob;
const t0 = performance.now();
await renderCut(job.cut, job.inputs, job.outFile, { captions: true, scratchDir: job.scratchDir, preset: job.preset });
const ms = performance.now() - t0;
fs.writeFileSync(outJson, JSON.stringify({ ms, nodePeakBytes: peakRss() }));
