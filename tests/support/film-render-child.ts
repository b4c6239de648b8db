// A film render in its own process, so a test can SIGKILL it mid-render:
//   node --conditions=react-server --import tsx tests/support/film-render-child.ts <job.json>
// job.json: { cut, inputs, outFile, scratchDir, preset }. Prints "progress <fraction>" lines, then "done".
import fs from "node:fs";
import { renderCut, type X264Preset } from "@/lib/server/film-render/render-cut";
import type { Cut } from "@/lib/shared/film/cut";

interface ChildJob {
  cut: Cut;
  inputs: Record<string, string>;
  outFile: string;
  scratchDir: string;
  preset: X264Preset;
}

const file = process.argv[2];
if (!file) throw new Error("usage: film-render-child.ts <job.json>");
const job = JSON.parse(fs.readFileSync(file, "utf8")) as ChildJob;
await renderCut(job.cut, job.inputs, job.outFile, {
  captions: true,
  scratchDir: job.scratchDir,
  preset: job.preset,
  onProgress: (p) => process.stdout.write(`progress ${p.fraction.toFixed(4)}\n`),
});
process.stdout.write("done\n");
