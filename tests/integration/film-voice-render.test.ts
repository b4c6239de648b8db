import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCut, type RenderCutOptions } from "@/lib/server/film-render/render-cut";
import { filmFrames, type Cut } from "@/lib/shared/film/cut";
import { countedStreams, cutClip, fixtureClip, type FixtureClip } from "../support/film-fixtures";

// The voice-over mix with the real ffmpeg: a clip whose own sound is a 440 Hz tone gets a voice (a
// 3 kHz tone of 0.5 s, so each can be measured apart by filtering) from its first frame. The film
// keeps its exact length; the voice is heard in its window and nowhere else; the clip's tone is ducked
// while the voice speaks and back to its level after; a voice longer than its clip is cut at the clip's end.

const TONE: FixtureClip = { width: 1920, height: 1080, frames: 48, toneHz: 440 };
const FAST: Pick<RenderCutOptions, "preset" | "crf"> = { preset: "superfast", crf: 23 };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "film-voice-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A mono 24 kHz WAV of a `hz` tone lasting `seconds` (what GLM-TTS answers, but a tone). */
function voiceWav(name: string, hz: number, seconds: number): string {
  const file = path.join(dir, name);
  execFileSync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", `sine=frequency=${hz}:sample_rate=24000:duration=${seconds}`, "-ac", "1", "-c:a", "pcm_s16le", file]);
  return file;
}

function meanOf(out: string): number {
  const m = /mean_volume: (-?[\d.]+|-inf) dB/.exec(out);
  if (!m) throw new Error(`no volumedetect in ${out.slice(-400)}`);
  return m[1] === "-inf" ? -200 : Number(m[1]);
}

/** Mean volume (dB) of the film's sound in [from, to) seconds, narrowly around `hz` (one tone apart from the other). */
function bandDb(file: string, from: number, to: number, hz: number): number {
  const r = execFileSync("sh", ["-c", `ffmpeg -hide_banner -nostdin -ss ${from} -t ${to - from} -i '${file}' -vn -af 'bandpass=f=${hz}:width_type=q:w=8,bandpass=f=${hz}:width_type=q:w=8,volumedetect' -f null - 2>&1`], { encoding: "utf8" });
  return meanOf(r);
}

describe("voice-over mix", () => {
  it("mixes the voice from the clip's start, ducks the clip's sound under it, keeps the exact length", { timeout: 120_000 }, async () => {
    const cut: Cut = {
      title: "voice film",
      aspect: "16:9",
      fps: 24,
      clips: [{ ...cutClip(1, 0, 48, { caption: "Hello" }), voice: { mediaName: "voice-01.wav", frames: 12 } }, cutClip(2, 0, 24, { caption: "World" })],
    };
    const out = path.join(dir, "mix.mp4");
    const inputs = { "shot-01.mp4": fixtureClip(TONE), "shot-02.mp4": fixtureClip(TONE), "voice-01.wav": voiceWav("v1.wav", 3000, 0.5) };
    const result = await renderCut(cut, inputs, out, { captions: true, scratchDir: dir, ...FAST });
    expect(result.frames).toBe(filmFrames(cut));
    const counted = countedStreams(out);
    expect(counted.video.frames).toBe(72);
    expect(Math.abs((counted.audio?.seconds ?? 0) - 3)).toBeLessThanOrEqual(1 / 24);

    // The voice (3 kHz) is there while it speaks (0–0.5 s) and not after.
    const voiceIn = bandDb(out, 0.05, 0.45, 3000);
    const voiceAfter = bandDb(out, 0.9, 1.8, 3000);
    console.info(`voice band: ${voiceIn} dB in its window, ${voiceAfter} dB after`);
    expect(voiceIn - voiceAfter).toBeGreaterThan(20);
    // The clip's tone (440 Hz) is ducked under it, and back after the release.
    const toneUnder = bandDb(out, 0.15, 0.45, 440);
    const toneAfter = bandDb(out, 1.2, 1.8, 440);
    console.info(`clip tone: ${toneUnder} dB under the voice, ${toneAfter} dB after`);
    expect(toneAfter - toneUnder).toBeGreaterThan(6);
  });

  it("cuts a voice longer than its clip at the clip's end; the film is still exactly its length", { timeout: 120_000 }, async () => {
    const cut: Cut = {
      title: "long line",
      aspect: "16:9",
      fps: 24,
      clips: [{ ...cutClip(1, 0, 12), voice: { mediaName: "voice-01.wav", frames: 48 } }, { ...cutClip(2, 0, 24), transitionOut: { kind: "cut", frames: 0 } }],
    };
    const out = path.join(dir, "long.mp4");
    const inputs = { "shot-01.mp4": fixtureClip({ ...TONE, toneHz: null }), "shot-02.mp4": fixtureClip({ ...TONE, toneHz: null }), "voice-01.wav": voiceWav("v2.wav", 3000, 2) };
    await renderCut(cut, inputs, out, { captions: false, scratchDir: dir, ...FAST });
    const counted = countedStreams(out);
    expect(counted.video.frames).toBe(36);
    expect(Math.abs((counted.audio?.seconds ?? 0) - 1.5)).toBeLessThanOrEqual(1 / 24);
    // Heard in shot 1 (0–0.5 s), silent in shot 2 although the voice ran 2 s.
    expect(bandDb(out, 0.05, 0.45, 3000) - bandDb(out, 0.7, 1.4, 3000)).toBeGreaterThan(20);
  });
});
