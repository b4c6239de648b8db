// F1 film export: renderCut (lib/server/film-render) on a 12-shot film of 5 s 1080p takes — trims,
// cuts, crossfades and fades through black, captions on most shots, audio on most takes — against
// ONE hand-written ffmpeg command doing the same edit on the same inputs with the same encoder
// settings and the same caption file: what an editor would type, without renderCut's conforming
// filters (fps, scale/pad, setsar, format), its input probes, its ffprobe check of the result and
// its rename. Both open each take twice, once for the picture and once for the sound (see
// inputArgs in filter-graph.ts: one opening per file costs 4× the memory). Run side by side, alternating A B A B; the figure is the median of the per-pair
// ratios. Peak RSS: the kernel's high-water mark (VmHWM) of renderCut's Node process (a fresh one,
// bench/harness/film-render-probe.ts) and of each ffmpeg, sampled from /proc while it runs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { captionsAss } from "@/lib/server/film-render/caption-ass";
import { FILM_FPS, filmFrames, placeClips, type Cut, type CutClip } from "@/lib/shared/film/cut";
import { cutClip, fixtureClip, type FixtureClip } from "../tests/support/film-fixtures";
import { spawnManaged } from "./harness/processes";
import { atMost, type BenchRow, fmtMiB, fmtRatio, verdict } from "./harness/report";
import { median } from "./harness/stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const PROBE = path.join(import.meta.dirname, "harness", "film-render-probe.ts");
const RATIO_TARGET = 1.1;
const SHOTS = 12;
const TAKE_FRAMES = 120;

const CAPTIONS = ["清晨的海港", "渔船驶出防波堤 — the boats head out", null, "海鸥在桅杆之间盘旋", "灯塔熄灭了最后一盏灯", null, "市场开张了", "A fisherman counts his catch", "孩子们跑过码头", null, "太阳升到了山顶", "新的一天开始了"];
const TRANSITIONS: CutClip["transitionOut"][] = [
  { kind: "crossfade", frames: 12 },
  { kind: "cut", frames: 0 },
  { kind: "fade_black", frames: 18 },
  { kind: "crossfade", frames: 8 },
];

/** The film: 12 takes of 5 s, trimmed to `keep` frames each (starting at a varying in-point). */
function f1Cut(keep: number): Cut {
  const clips = Array.from({ length: SHOTS }, (_, i) => {
    const inFrame = (i * 7) % (TAKE_FRAMES - keep + 1);
    return cutClip(i + 1, inFrame, inFrame + keep, { sourceFrames: TAKE_FRAMES, caption: CAPTIONS[i] ?? null, out: TRANSITIONS[i % TRANSITIONS.length] });
  });
  return { title: "F1 harbour", aspect: "16:9", fps: FILM_FPS, clips };
}

/** Takes: every fourth one without audio (Vidu clips come with or without background music). */
function takeSpec(i: number): FixtureClip {
  return { width: 1920, height: 1080, frames: TAKE_FRAMES, toneHz: i % 4 === 3 ? null : 220 + 55 * i, preset: "veryfast" };
}

/** The hand-written command's filter graph: trims, joins, captions and the audio mix, nothing else. */
function handWrittenGraph(cut: Cut, withAudio: boolean[]): string {
  const placed = placeClips(cut);
  const sec = (f: number) => (f / 24).toFixed(6);
  // Sound from a second, audio-only opening of each take (as renderCut does: see inputArgs).
  let next = placed.length;
  const audioIndex = withAudio.map((has) => (has ? next++ : -1));
  const g: string[] = [];
  placed.forEach(({ clip }, i) => {
    // settb: xfade wants both sides on one clock, and MP4 takes come in 1/12288 s ticks.
    g.push(`[${i}:v]trim=start_frame=${clip.inFrame}:end_frame=${clip.outFrame},setpts=PTS-STARTPTS,settb=1/24[v${i}]`);
    g.push(
      withAudio[i]
        ? `[${audioIndex[i]}:a]atrim=start=${sec(clip.inFrame)}:end=${sec(clip.outFrame)},asetpts=PTS-STARTPTS[a${i}]`
        : `anullsrc=r=48000:cl=stereo,atrim=duration=${sec(clip.outFrame - clip.inFrame)}[a${i}]`,
    );
  });
  let v = "v0";
  let a = "a0";
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1];
    const next = placed[i];
    if (!prev || !next) continue;
    if (prev.overlapOut === 0) {
      g.push(`[${v}][v${i}]concat=n=2:v=1:a=0,settb=1/24[x${i}]`, `[${a}][a${i}]concat=n=2:v=0:a=1[y${i}]`);
    } else {
      const kind = prev.clip.transitionOut.kind === "fade_black" ? "fadeblack" : "fade";
      g.push(`[${v}][v${i}]xfade=transition=${kind}:duration=${sec(prev.overlapOut)}:offset=${sec(next.recordIn)}[x${i}]`, `[${a}][a${i}]acrossfade=d=${sec(prev.overlapOut)}[y${i}]`);
    }
    v = `x${i}`;
    a = `y${i}`;
  }
  g.push(`[${v}]ass=captions.ass[vout]`, `[${a}]loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000[aout]`);
  return g.join(";");
}

/** Highest VmHWM seen among live ffmpeg processes matching `match`, sampled every 50 ms until `done`. */
function sampleFfmpegPeak(match: (cmdline: string) => boolean): { stop(): number } {
  let peak = 0;
  const sample = () => {
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
        if (!cmd.split("\0")[0]?.endsWith("ffmpeg") || !match(cmd)) continue;
        const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
        if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
      } catch {
        // Ended while we looked.
      }
    }
  };
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

async function waitExit(m: ReturnType<typeof spawnManaged>): Promise<number | null> {
  if (m.child.exitCode !== null) return m.child.exitCode;
  return new Promise((resolve) => m.child.once("exit", (code) => resolve(code)));
}

export async function f1Rows(quick: boolean, scratch: string): Promise<BenchRow[]> {
  fs.mkdirSync(scratch, { recursive: true });
  const keep = quick ? 48 : 96;
  const preset = quick ? "veryfast" : "medium";
  const pairs = quick ? 2 : 3;
  const cut = f1Cut(keep);
  const specs = cut.clips.map((_, i) => takeSpec(i));
  const files = specs.map((s) => fixtureClip(s));
  const inputs = Object.fromEntries(cut.clips.map((c, i) => [c.mediaName, files[i] ?? ""]));
  const frames = filmFrames(cut);

  const handDir = path.join(scratch, "hand");
  fs.mkdirSync(handDir, { recursive: true });
  fs.writeFileSync(path.join(handDir, "captions.ass"), captionsAss(cut) ?? "");
  const handArgs = [
    ...["-hide_banner", "-nostdin", "-v", "error", "-y"],
    ...files.flatMap((f) => ["-i", f]),
    ...files.flatMap((f, i) => (specs[i]?.toneHz ? ["-vn", "-i", f] : [])),
    ...["-filter_complex", handWrittenGraph(cut, specs.map((s) => s.toneHz !== null)), "-map", "[vout]", "-map", "[aout]"],
    ...["-c:v", "libx264", "-preset", preset, "-crf", "18", "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", "24"],
    ...["-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-ac", "2", "-movflags", "+faststart", path.join(handDir, "hand.mp4")],
  ];
  const jobFile = path.join(scratch, "job.json");
  const outFile = path.join(scratch, "film.mp4");
  fs.writeFileSync(jobFile, JSON.stringify({ cut, inputs, outFile, scratchDir: scratch, preset }));

  const ours: number[] = [];
  const hand: number[] = [];
  const ratios: number[] = [];
  let nodePeak = 0;
  let oursFfmpegPeak = 0;
  let handFfmpegPeak = 0;
  for (let round = 0; round < pairs; round++) {
    console.error(`F1 round ${round + 1}/${pairs}: renderCut…`);
    const outJson = path.join(scratch, `probe-${round}.json`);
    const sampler = sampleFfmpegPeak((cmd) => cmd.includes(`${outFile}.partial-`));
    const probe = spawnManaged("f1-render", process.execPath, ["--conditions=react-server", "--import", "tsx", PROBE, jobFile, outJson], { cwd: ROOT });
    const code = await waitExit(probe);
    oursFfmpegPeak = Math.max(oursFfmpegPeak, sampler.stop());
    await probe.stop();
    if (code !== 0 || !fs.existsSync(outJson)) throw new Error(`renderCut probe failed (exit ${code}): ${probe.output().slice(-2000)}`);
    const r = JSON.parse(fs.readFileSync(outJson, "utf8")) as { ms: number; nodePeakBytes: number };
    nodePeak = Math.max(nodePeak, r.nodePeakBytes);

    console.error(`F1 round ${round + 1}/${pairs}: hand-written ffmpeg…`);
    const handSampler = sampleFfmpegPeak((cmd) => cmd.includes(path.join(handDir, "hand.mp4")));
    const t0 = performance.now();
    const ff = spawnManaged("f1-ffmpeg", "ffmpeg", handArgs, { cwd: handDir });
    const handCode = await waitExit(ff);
    const handMs = performance.now() - t0;
    handFfmpegPeak = Math.max(handFfmpegPeak, handSampler.stop());
    await ff.stop();
    if (handCode !== 0) throw new Error(`hand-written ffmpeg failed (exit ${handCode}): ${ff.output().slice(-2000)}`);
    // The baseline must be the same edit: the same number of frames as the film.
    const handFrames = Number(execFileSync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=nb_frames", "-of", "csv=p=0", path.join(handDir, "hand.mp4")], { encoding: "utf8" }).trim());
    if (handFrames !== frames) throw new Error(`the hand-written command made ${handFrames} frames, the film has ${frames}`);
    ours.push(r.ms);
    hand.push(handMs);
    ratios.push(r.ms / handMs);
    console.error(`F1 round ${round + 1}: renderCut ${(r.ms / 1000).toFixed(1)} s, hand-written ${(handMs / 1000).toFixed(1)} s`);
  }
  const ratio = median(ratios);
  const conditions = `${SHOTS} shots of 5 s 1920×1080 takes (9 with audio), trimmed to ${keep} frames each, 9 transitions of 8–18 frames, 9 captions → ${frames} frames (${(frames / 24).toFixed(1)} s); x264 ${preset} crf 18; ${pairs} A/B pairs, renderCut ${ours.map((ms) => (ms / 1000).toFixed(1)).join("/")} s vs hand-written ${hand.map((ms) => (ms / 1000).toFixed(1)).join("/")} s`;
  return [
    { id: "F1", figure: "export wall ÷ hand-written ffmpeg (median of pairs)", measured: fmtRatio(ratio), target: `≤ ${RATIO_TARGET}×`, verdict: atMost(ratio, RATIO_TARGET), conditions },
    { id: "F1", figure: "export peak RSS: ffmpeg", measured: fmtMiB(oursFfmpegPeak), target: "report", verdict: verdict(null), conditions: `VmHWM sampled every 50 ms; the hand-written command's ffmpeg peaked at ${fmtMiB(handFfmpegPeak)}` },
    { id: "F1", figure: "export peak RSS: Node process", measured: fmtMiB(nodePeak), target: "report", verdict: verdict(null), conditions: "VmHWM of a fresh Node process running renderCut (tsx loaded)" },
  ];
}
