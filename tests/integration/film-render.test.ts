import { spawn } from "node:child_process";
import fs from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAPTION_LAYOUT } from "@/lib/server/film-render/caption-ass";
import { renderCut, type RenderCutOptions } from "@/lib/server/film-render/render-cut";
import type { RenderProgress } from "@/lib/server/film-render/render-progress";
import { isFaststart } from "@/lib/server/media/mp4-atoms";
import { probe } from "@/lib/server/media/probe";
import { captionSpans } from "@/lib/shared/film/caption-spans";
import { FILM_FRAME_SIZE, filmFrames, type Cut, type CutClip, type FilmAspect } from "@/lib/shared/film/cut";
import { countedStreams, cutClip, fixtureClip, grayFrames, meanDiff, type FixtureClip } from "../support/film-fixtures";
import { waitFor } from "../support/wait-for";

// renderCut with the real ffmpeg on small take-like clips (2 s, 24 fps, at 1080p sizes; cached by
// their parameters): exact frame counts by decoding (-count_frames), audio as long as the picture,
// captions on exactly their frames (a frame rendered with captions against the same frame rendered
// without, inside and outside the caption area), cancel, kill -9, and inputs that cannot be read.

let dir: string;
const root = path.resolve(import.meta.dirname, "../..");
const FAST: Pick<RenderCutOptions, "preset" | "crf"> = { preset: "superfast", crf: 18 };

const LAND_TONE: FixtureClip = { width: 1920, height: 1080, frames: 48, toneHz: 440 };
const LAND_MUTE: FixtureClip = { width: 1920, height: 1080, frames: 48, toneHz: null };
const LAND_TONE2: FixtureClip = { width: 1920, height: 1080, frames: 48, toneHz: 660 };
const PORT_TONE: FixtureClip = { width: 1080, height: 1920, frames: 48, toneHz: 550 };
const PORT_MUTE: FixtureClip = { width: 1080, height: 1920, frames: 48, toneHz: null };
const SQUARE_MUTE: FixtureClip = { width: 1080, height: 1080, frames: 48, toneHz: null };

const film = (aspect: FilmAspect, clips: CutClip[]): Cut => ({ title: "test film", aspect, fps: 24, clips });
const inputsOf = (cut: Cut, specs: FixtureClip[]) => Object.fromEntries(cut.clips.map((c, i) => [c.mediaName, fixtureClip(specs[i] ?? LAND_MUTE)]));
const opts = (extra: Partial<RenderCutOptions> = {}): RenderCutOptions => ({ captions: false, scratchDir: dir, ...FAST, ...extra });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "film-render-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Renders, then checks the file by decoding it: streams, size, frame count, audio length. */
async function renderAndCount(name: string, cut: Cut, specs: FixtureClip[], extra: Partial<RenderCutOptions> = {}) {
  const out = path.join(dir, `${name}.mp4`);
  const result = await renderCut(cut, inputsOf(cut, specs), out, opts(extra));
  const want = filmFrames(cut);
  const { width, height } = FILM_FRAME_SIZE[cut.aspect];
  const counted = countedStreams(out);
  console.info(`${name}: ${want} frames, ${result.ms} ms, ${(result.bytes / 1024).toFixed(0)} KiB; audio ${counted.audio?.seconds} s for ${want / 24} s`);
  expect(result).toMatchObject({ frames: want, width, height });
  expect(counted.video.frames).toBe(want);
  expect(counted.audio).not.toBeNull();
  expect(Math.abs((counted.audio?.seconds ?? 0) - want / 24)).toBeLessThanOrEqual(1 / 24);
  expect(await probe(out)).toMatchObject({ videoCodec: "h264", profile: "High", width, height, fps: 24, pixFmt: "yuv420p", hasAudio: true });
  expect(await isFaststart(out)).toBe(true);
  return { out, result };
}

describe("renderCut: exact length", () => {
  it("16:9, cuts only, trims, clips with and without audio; progress reaches 1 with an ETA; stale partial files go", async () => {
    const cut = film("16:9", [cutClip(1, 6, 40), cutClip(2, 0, 30), cutClip(3, 10, 48)]);
    const stale = path.join(dir, "cuts.mp4.partial-killed");
    await writeFile(stale, "left by a render that was killed");
    const seen: RenderProgress[] = [];
    await renderAndCount("cuts", cut, [LAND_TONE, LAND_MUTE, LAND_TONE2], { onProgress: (p) => seen.push(p) });
    expect(filmFrames(cut)).toBe(34 + 30 + 38);
    expect(fs.existsSync(stale)).toBe(false);
    expect(seen.at(-1)).toMatchObject({ fraction: 1, frame: 102, totalFrames: 102, etaMs: 0 });
    expect(seen.map((p) => p.fraction)).toEqual([...seen.map((p) => p.fraction)].sort((a, b) => a - b));
  });

  it("16:9, crossfade and fade through black with trims: sum of trims minus overlaps", async () => {
    const cut = film("16:9", [
      cutClip(1, 0, 48, { out: { kind: "crossfade", frames: 12 } }),
      cutClip(2, 4, 44, { out: { kind: "fade_black", frames: 10 } }),
      cutClip(3, 0, 36, { out: { kind: "crossfade", frames: 8 } }),
    ]);
    expect(filmFrames(cut)).toBe(48 + 40 + 36 - 12 - 10);
    await renderAndCount("fades", cut, [LAND_TONE, LAND_MUTE, LAND_TONE2]);
  });

  it("9:16, every transition kind, mixed audio, an odd overlap", async () => {
    const cut = film("9:16", [
      cutClip(1, 2, 47, { out: { kind: "fade_black", frames: 13 } }),
      cutClip(2, 0, 40),
      cutClip(3, 8, 48, { out: { kind: "crossfade", frames: 6 } }),
      cutClip(4, 0, 24),
    ]);
    await renderAndCount("portrait", cut, [PORT_TONE, PORT_MUTE, PORT_MUTE, PORT_TONE]);
  });

  it("1:1 with a 16:9 take fitted inside the square, no audio anywhere (a silent track of the right length)", async () => {
    const cut = film("1:1", [cutClip(1, 0, 30, { out: { kind: "crossfade", frames: 6 } }), cutClip(2, 12, 48)]);
    const { out } = await renderAndCount("square", cut, [SQUARE_MUTE, LAND_MUTE]);
    // Letterboxed, not stretched or cropped: the rows above the 16:9 picture are black.
    const [frame] = grayFrames(out, [40], 1080, 1080);
    if (!frame) throw new Error("no frame");
    expect(meanDiff(frame, Buffer.alloc(frame.length), 1080, { x0: 0, y0: 0, x1: 1080, y1: 200 })).toBeLessThan(20);
  });
});

describe("renderCut: captions", () => {
  it("burns each caption in on exactly its frames (overlap split at the midpoint)", async () => {
    const cut = film("16:9", [
      cutClip(1, 0, 40, { caption: "第一个镜头 The first shot", out: { kind: "crossfade", frames: 12 } }),
      cutClip(2, 0, 40),
      cutClip(3, 0, 40, { caption: "第三个镜头：海港的黎明" }),
    ]);
    const spans = captionSpans(cut);
    expect(spans.map((s) => [s.startFrame, s.endFrame])).toEqual([[0, 34], [68, 108]]);
    const specs = [LAND_TONE, LAND_MUTE, LAND_TONE2];
    const withCaps = path.join(dir, "caps-on.mp4");
    const without = path.join(dir, "caps-off.mp4");
    await renderCut(cut, inputsOf(cut, specs), withCaps, opts({ captions: true }));
    await renderCut(cut, inputsOf(cut, specs), without, opts());
    const probeAt = [0, 33, 34, 67, 68, 107];
    const shown = [true, true, false, false, true, true];
    const [w, h] = [1920, 1080];
    const l = CAPTION_LAYOUT["16:9"];
    const band = { x0: l.sidePx, y0: h - l.bottomPx - 3 * l.fontPx, x1: w - l.sidePx, y1: h - l.bottomPx };
    const on = grayFrames(withCaps, probeAt, w, h);
    const off = grayFrames(without, probeAt, w, h);
    const diffs = probeAt.map((_, i) => meanDiff(on[i] ?? Buffer.alloc(0), off[i] ?? Buffer.alloc(0), w, band));
    console.info(`caption band difference at frames ${probeAt.join(", ")}: ${diffs.map((d) => d.toFixed(2)).join(", ")}`);
    diffs.forEach((d, i) => (shown[i] ? expect(d).toBeGreaterThan(8) : expect(d).toBeLessThan(3)));
  });

  it("9:16: a long CJK caption wraps and stays inside the centre-safe area", async () => {
    const caption = "清晨的海港，渔船一艘接一艘驶出防波堤，海鸥在桅杆之间盘旋，远处的灯塔还亮着最后一盏灯。 Dawn at the harbour.";
    const cut = film("9:16", [cutClip(1, 0, 48, { caption })]);
    const [w, h] = [1080, 1920];
    const on = path.join(dir, "tall-on.mp4");
    const off = path.join(dir, "tall-off.mp4");
    await renderCut(cut, inputsOf(cut, [PORT_MUTE]), on, opts({ captions: true }));
    await renderCut(cut, inputsOf(cut, [PORT_MUTE]), off, opts());
    const [a, b] = [grayFrames(on, [24], w, h)[0], grayFrames(off, [24], w, h)[0]];
    if (!a || !b) throw new Error("no frames");
    const l = CAPTION_LAYOUT["9:16"];
    const rowsWithCaption = Array.from({ length: h }, (_, y) => meanDiff(a, b, w, { x0: l.sidePx, y0: y, x1: w - l.sidePx, y1: y + 1 })).filter((d) => d > 8).length;
    const below = meanDiff(a, b, w, { x0: 0, y0: h - l.bottomPx, x1: w, y1: h });
    const left = meanDiff(a, b, w, { x0: 0, y0: 0, x1: l.sidePx, y1: h });
    const right = meanDiff(a, b, w, { x0: w - l.sidePx, y0: 0, x1: w, y1: h });
    console.info(`9:16 caption: ${rowsWithCaption} rows; outside the safe area: below ${below.toFixed(2)}, left ${left.toFixed(2)}, right ${right.toFixed(2)}`);
    expect(rowsWithCaption).toBeGreaterThan(3 * l.fontPx); // wrapped onto several lines
    for (const outside of [below, left, right]) expect(outside).toBeLessThan(1);
  });
});

describe("renderCut: failures leave no file", () => {
  async function leftovers(name: string): Promise<string[]> {
    return (await readdir(dir)).filter((n) => n.startsWith(name));
  }

  it("cancel mid-render kills ffmpeg and removes the partial file", async () => {
    const cut = film("16:9", Array.from({ length: 8 }, (_, i) => cutClip(i + 1, 0, 48)));
    const controller = new AbortController();
    const out = path.join(dir, "cancelled.mp4");
    let progressAtAbort = -1;
    const run = renderCut(cut, inputsOf(cut, Array(8).fill(LAND_TONE) as FixtureClip[]), out, {
      ...opts({ preset: "medium" }),
      signal: controller.signal,
      onProgress: (p) => {
        if (progressAtAbort < 0 && p.fraction > 0) {
          progressAtAbort = p.fraction;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(progressAtAbort).toBeGreaterThan(0);
    expect(progressAtAbort).toBeLessThan(1);
    expect(await leftovers("cancelled.mp4")).toEqual([]);
  });

  it("a damaged or truncated take is film_input_invalid naming the shot; a bad cut is film_cut_invalid per clip", async () => {
    const cut = film("16:9", [cutClip(1, 0, 40), cutClip(2, 0, 40)]);
    const good = fixtureClip(LAND_TONE);
    const junk = path.join(dir, "junk.mp4");
    const truncated = path.join(dir, "truncated.mp4");
    await writeFile(junk, "not a video at all");
    const bytes = fs.readFileSync(good);
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const out = path.join(dir, "broken.mp4");
    for (const bad of [junk, truncated]) {
      await expect(renderCut(cut, { "shot-01.mp4": good, "shot-02.mp4": bad }, out, opts())).rejects.toMatchObject({ code: "film_input_invalid", status: 422, vars: { shot: "Shot 2" } });
    }
    await expect(renderCut(cut, { "shot-01.mp4": good }, out, opts())).rejects.toMatchObject({ code: "film_input_invalid", vars: { shot: "Shot 2" } });
    // A take shorter than its trim.
    const short = film("16:9", [cutClip(1, 0, 40, { sourceFrames: 120 }), cutClip(2, 0, 100, { sourceFrames: 120 })]);
    await expect(renderCut(short, { "shot-01.mp4": good, "shot-02.mp4": good }, out, opts())).rejects.toMatchObject({ code: "film_input_invalid", vars: { shot: "Shot 2" } });
    const invalid = film("16:9", [cutClip(1, 0, 40, { out: { kind: "crossfade", frames: 30 } }), cutClip(2, 0, 6)]);
    await expect(renderCut(invalid, { "shot-01.mp4": good, "shot-02.mp4": good }, out, opts())).rejects.toMatchObject({
      code: "film_cut_invalid",
      status: 422,
      fields: [
        { path: "clips.0", key: "errors.field.film_transition_too_long" },
        { path: "clips.1", key: "errors.field.film_trim_too_short" },
      ],
    });
    expect(await leftovers("broken.mp4")).toEqual([]);
  });

  it("kill -9 of the rendering process: ffmpeg dies with it, outFile never appears, the next render restarts cleanly", async () => {
    const cut = film("16:9", Array.from({ length: 6 }, (_, i) => cutClip(i + 1, 0, 48, { caption: `镜头 ${i + 1}` })));
    const out = path.join(dir, "killed.mp4");
    const inputs = inputsOf(cut, Array(6).fill(LAND_TONE) as FixtureClip[]);
    const jobFile = path.join(dir, "killed-job.json");
    await writeFile(jobFile, JSON.stringify({ cut, inputs, outFile: out, scratchDir: dir, preset: "medium" }));
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/film-render-child.ts", jobFile], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<string | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    await waitFor("the child's first progress report", async () => /progress 0\.\d*[1-9]/.test(output) || (output.includes("done") && "done"), 120_000);
    expect(output).not.toContain("done");
    const encoders = ffmpegWriting(out);
    expect(encoders.length).toBe(1);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    await waitFor("ffmpeg to die with its parent", async () => ffmpegWriting(out).length === 0, 30_000);
    expect(fs.existsSync(out)).toBe(false);
    const partials = await leftovers("killed.mp4.partial-");
    console.info(`after kill -9: ${partials.length} partial file(s) left, ffmpeg gone`);
    const again = await renderCut(cut, inputs, out, opts({ captions: true }));
    expect(again.frames).toBe(filmFrames(cut));
    expect(await leftovers("killed.mp4")).toEqual(["killed.mp4"]);
  });
});

/** Live ffmpeg processes whose command line writes a partial file of `outFile`. */
function ffmpegWriting(outFile: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const state = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.[0];
      if (cmd.includes(`${outFile}.partial-`) && cmd.split("\0")[0]?.endsWith("ffmpeg") && state !== "Z") pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}
