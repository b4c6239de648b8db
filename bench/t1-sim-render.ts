// T1 (test-suite wall time), one of its parts measured side by side: the CPU of a simulator clip at
// the renderer's default x264 preset against "veryfast" (its default before), and of what the studio
// then derives from that clip on every stored take: poster + preview (one ffmpeg run) and the last
// frame. Every clip is a new render (a new prompt or image pair per round), rounds alternate the order
// of the two presets, and CPU is the ffmpeg children's own (this process's reaped-children CPU from
// /proc, read before and after each step), so a shared machine's load changes it little.
//   node --conditions=react-server --import tsx bench/t1-sim-render.ts [rounds]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { extractLastFrame, makePosterAndPreview } from "@/lib/server/media/ffmpeg";
import { probe } from "@/lib/server/media/probe";
import { renderClip, type RenderInput } from "@/lib/simulator/render/render-clip";
import { median } from "./harness/stats";

const rounds = Number(process.argv[2] ?? 4);
const BEFORE = "veryfast";
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../tests/fixtures/images", name));
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds of this process's children that have ended and been reaped (cutime + cstime). */
function childrenCpuSeconds(): number {
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After "pid (comm) ", field 3 (state) is index 0: cutime is field 16, cstime 17.
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

async function cpuOf(fn: () => Promise<unknown>): Promise<number> {
  const before = childrenCpuSeconds();
  await fn();
  return childrenCpuSeconds() - before;
}

/** A new input per round and mode, so no render is a cache hit. */
async function inputs(round: number): Promise<Record<string, RenderInput>> {
  // The fixture with its hue turned a little: other bytes, so another cache key.
  const landscape = await sharp(fixture("landscape.png"))
    .modulate({ hue: 1 + ((round * 37 + Date.now()) % 358) })
    .png()
    .toBuffer();
  return {
    text: { mode: "text", prompt: `A lighthouse at dawn, waves, slow pan, round ${round} ${Date.now()}`, style: "general", aspectRatio: "16:9" },
    image: { mode: "image", prompt: `Ken Burns ${round}`, image: landscape },
    "start-end": { mode: "start-end", prompt: `Crossfade ${round}`, images: [landscape, fixture("landscape-end.jpg")] },
  };
}

type Row = { render: number[]; derive: number[]; lastFrame: number[]; bytes: number[]; profile: string };
const presets = [BEFORE, "(default)"] as const;
const results = new Map<string, Map<string, Row>>();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-t1-render-"));
try {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? presets : [...presets].reverse();
    for (const preset of order) {
      for (const [mode, input] of Object.entries(await inputs(round))) {
        const cacheDir = path.join(dir, `${preset}-${round}-${mode}`.replace(/[()]/g, ""));
        let video = "";
        const render = await cpuOf(async () => {
          video = (await renderClip(input, { cacheDir, ...(preset === BEFORE ? { preset } : {}) })).videoPath;
        });
        const info = await probe(video);
        const derive = await cpuOf(() => makePosterAndPreview(video, { poster: `${video}.poster.jpg`, preview: `${video}.preview.mp4` }, { durationMs: info.durationMs }));
        const lastFrame = await cpuOf(() => extractLastFrame(video, `${video}.last.png`));
        const byMode = results.get(preset) ?? new Map<string, Row>();
        results.set(preset, byMode);
        const row = byMode.get(mode) ?? { render: [], derive: [], lastFrame: [], bytes: [], profile: "" };
        byMode.set(mode, row);
        row.render.push(render);
        row.derive.push(derive);
        row.lastFrame.push(lastFrame);
        row.bytes.push(info.bytes);
        row.profile = info.profile ?? "?";
      }
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const s = (x: number) => `${x.toFixed(2)} s`;
console.log(`Simulator clip CPU (ffmpeg user + system), median of ${rounds} alternating rounds; load ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
console.log("| mode | preset | render | poster + preview | last frame | all three | file | profile |");
console.log("|---|---|--:|--:|--:|--:|--:|---|");
const totals = new Map<string, number>();
for (const preset of presets) {
  for (const [mode, row] of results.get(preset) ?? []) {
    const all = median(row.render.map((r, i) => r + row.derive[i]! + row.lastFrame[i]!));
    totals.set(preset, (totals.get(preset) ?? 0) + all);
    console.log(`| ${mode} | ${preset} | ${s(median(row.render))} | ${s(median(row.derive))} | ${s(median(row.lastFrame))} | ${s(all)} | ${(median(row.bytes) / 1e6).toFixed(2)} MB | ${row.profile} |`);
  }
}
const [before, after] = presets.map((p) => totals.get(p) ?? NaN);
console.log(`\nAll three modes, all three steps: ${s(after!)} at the default against ${s(before!)} at ${BEFORE}: ${(after! / before!).toFixed(2)}×`);
