import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { createImagesClient } from "@/lib/server/bigmodel/images";
import { createSpeechClient } from "@/lib/server/bigmodel/speech";
import { UpstreamError } from "@/lib/server/bigmodel/upstream-error";
import { stillPlanFor } from "@/lib/shared/film/still-size";
import { STILL_BAND_BITS, STILL_CELL_PX, stillBandLayout } from "@/lib/simulator/render/still-image";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { readPng } from "@/tests/support/png-read";
import { tempDir } from "@/tests/support/simulator-fixtures";
import { waitFor } from "@/tests/support/wait-for";

// The studio's CogView and GLM-TTS clients against the simulator over real HTTP (docs/upstream.md,
// "Images (CogView-4)" and "Speech (GLM-TTS)"): shapes, expiring image links, audio of plausible
// length, what an auth failure, a refusal before sending, a platform code and a scripted fault look
// like to the caller, and that the key never shows in what a caller can log.

const CANARY = `${"c0ffee00".repeat(4)}.CanaryMediaKey77`;
let sim: RunningSimulator;
const opts = (apiKey = CANARY) => ({ baseUrl: sim.baseUrl, apiKey, connectTimeoutMs: 500, requestTimeoutMs: 5_000 });
const images = (apiKey?: string) => createImagesClient(opts(apiKey));
const speech = (apiKey?: string) => createSpeechClient(opts(apiKey));

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}
async function upstreamError(p: Promise<unknown>): Promise<UpstreamError> {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(UpstreamError);
  const err = e as UpstreamError;
  expect(inspect(err)).not.toContain("CanaryMediaKey77");
  expect(JSON.stringify(err)).not.toContain("CanaryMediaKey77");
  return err;
}
async function fieldError(p: Promise<unknown>, path: string, key: string) {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("validation_failed");
  expect((e as AppError).fields).toContainEqual({ path, key });
}

beforeAll(async () => {
  sim = await startSimulator({ keys: [CANARY], cacheDir: tempDir("media-sim"), speed: 1000 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetStats();
  sim.control.set({ noBalance: false, overloaded: false, concurrency: 5, speed: 1000 });
});

describe("stills (CogView)", () => {
  it("a still at the film's size: a PNG of that size from an expiring link, drawn from the prompt", async () => {
    const plan = stillPlanFor("9:16");
    const prompt = "雨夜的灯塔 a lighthouse at night";
    const still = await images().generateStill({ prompt, size: plan.size, quality: "hd" });
    expect(still.url.startsWith(`${sim.url}/files/`)).toBe(true);
    expect(Math.abs(still.created - Date.now() / 1000)).toBeLessThan(60);
    const res = await fetch(still.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = readPng(Buffer.from(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([768, 1344]);
    expect(png.text.Description).toBe(prompt);
    // The band across the middle spells the prompt's bytes.
    const bytes = Buffer.from(prompt, "utf8");
    const band = stillBandLayout(png.width, png.height, bytes.length);
    const read = Buffer.alloc(band.count);
    for (let i = 0; i < band.count; i++) {
      for (let bit = 0; bit < STILL_BAND_BITS; bit++) {
        const x = band.x0 + i * STILL_CELL_PX + 2;
        const y = band.y0 + bit * STILL_CELL_PX + 2;
        if ((png.rgb[(y * png.width + x) * 3] ?? 0) > 128) read[i] = (read[i] ?? 0) | (1 << (STILL_BAND_BITS - 1 - bit));
      }
    }
    expect(read.toString("utf8")).toBe(bytes.subarray(0, band.count).toString("utf8"));
    expect(sim.control.stats().billedMedia.images).toBe(1);
  });

  it("the same prompt and size give the same picture; another prompt another one", async () => {
    const get = async (prompt: string) => Buffer.from(await (await fetch((await images().generateStill({ prompt })).url)).arrayBuffer());
    const [a, b, c] = await Promise.all([get("a red kite"), get("a red kite"), get("a blue kite")]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect([readPng(a).width, readPng(a).height]).toEqual([1024, 1024]); // the default size
  });

  it("the link expires after 30 days (403), like the platform's temporary image links", async () => {
    const { url } = await images().generateStill({ prompt: "an expiring still" });
    sim.control.advanceTime(29 * 86_400_000);
    expect((await fetch(url)).status).toBe(200);
    sim.control.advanceTime(2 * 86_400_000);
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Request has expired");
  });

  it("limits are refused before sending, with the field and its bilingual message key", async () => {
    await fieldError(images().generateStill({ prompt: "x", size: "1000x1000" }), "size", "errors.field.image_size");
    await fieldError(images().generateStill({ prompt: "字".repeat(1001) }), "prompt", "errors.field.image_prompt_too_long");
    await fieldError(images().generateStill({ prompt: "   " }), "prompt", "errors.field.required");
    expect(sim.control.stats().requests.images).toBe(0);
  });

  it("platform codes: wrong key 401 breaker, unknown model 1211, unsafe 1301, no balance 1113, over the cap 1302", async () => {
    const auth = await upstreamError(images("0123456789abcdef.NotTheRightKey00").generateStill({ prompt: "x" }));
    expect([auth.httpStatus, auth.code, auth.kind, auth.operation]).toEqual([401, "401", "breaker", "image"]);

    const model = await upstreamError(createImagesClient({ ...opts(), model: "cogview-9" }).generateStill({ prompt: "x" }));
    expect([model.httpStatus, model.code, model.kind]).toEqual([400, "1211", "rejected"]);

    const unsafe = await upstreamError(images().generateStill({ prompt: "an UNSAFE scene" }));
    expect([unsafe.code, unsafe.kind]).toEqual(["1301", "rejected"]);

    sim.control.set({ noBalance: true });
    const balance = await upstreamError(images().generateStill({ prompt: "x" }));
    expect([balance.httpStatus, balance.code, balance.kind]).toEqual([429, "1113", "breaker"]);
    sim.control.set({ noBalance: false });

    // The first still holds the key's only slot for 2.5–5 s (speed 2; up to 5.5 s in the draw's tail). It
    // goes through a client whose timeout is far above that: with the file's 5 s one it timed out itself
    // on a loaded machine, which is not what this checks.
    sim.control.set({ concurrency: 1, speed: 2 });
    const first = createImagesClient({ ...opts(), requestTimeoutMs: 120_000 }).generateStill({ prompt: "slow one" });
    await waitFor("the first still to hold the slot", async () => sim.control.stats().peakInFlight["cogview-4-250304"] === 1, 5_000);
    const capped = await upstreamError(images().generateStill({ prompt: "second" }));
    expect([capped.httpStatus, capped.code, capped.kind]).toEqual([429, "1302", "queue"]);
    await first;
    expect(sim.control.stats().rejectedOverCap).toBe(1);
  });

  it("scripted faults for the images target: a 5xx is retryable, a lost answer is ambiguous (it may be billed)", async () => {
    sim.control.inject({ type: "status", status: 503, code: "1305", target: "images" });
    const busy = await upstreamError(images().generateStill({ prompt: "x" }));
    expect([busy.httpStatus, busy.kind]).toEqual([503, "retry"]);

    sim.control.inject({ type: "ackLost", target: "images" });
    const lost = await upstreamError(images().generateStill({ prompt: "x" }));
    expect(lost.kind).toBe("ambiguous");
    expect(sim.control.stats().billedMedia.images).toBe(1); // processed, answer lost

    sim.control.inject({ type: "malformed", target: "images" });
    expect((await upstreamError(images().generateStill({ prompt: "x" }))).kind).toBe("malformed");
    // A fault for another endpoint leaves stills alone.
    sim.control.inject({ type: "status", target: "speech" });
    await images().generateStill({ prompt: "x" });
    expect(sim.control.pendingFaults()).toHaveLength(1);
  });
});

describe("speech (GLM-TTS)", () => {
  const line = "雨停了。她推开门，看见灯塔还亮着。";

  it("a WAV at 24 kHz whose length fits the line, shorter at double speed", async () => {
    const normal = await speech().speak({ input: line, voice: "tongtong" });
    expect(normal.wav.toString("latin1", 0, 4)).toBe("RIFF");
    expect(normal.sampleRate).toBe(24_000);
    const chars = [...line].length;
    expect(normal.durationSeconds).toBeGreaterThan(chars * 0.1);
    expect(normal.durationSeconds).toBeLessThan(chars * 0.6);
    const fast = await speech().speak({ input: line, voice: "xiaochen", speed: 2 });
    expect(fast.durationSeconds).toBeLessThan(normal.durationSeconds * 0.8);
    expect(sim.control.stats().billedMedia.speech).toBe(2);
  });

  it("louder at a higher volume", async () => {
    const peak = (wav: Buffer) => {
      let max = 0;
      for (let i = 44; i + 1 < wav.length; i += 2) max = Math.max(max, Math.abs(wav.readInt16LE(i)));
      return max;
    };
    const soft = await speech().speak({ input: "Hello there.", volume: 0.2 });
    const loud = await speech().speak({ input: "Hello there.", volume: 1 });
    expect(peak(soft.wav)).toBeLessThan(peak(loud.wav));
  });

  it("limits are refused before sending: input over 1024 characters, speed, volume, voice", async () => {
    await fieldError(speech().speak({ input: "字".repeat(1025) }), "input", "errors.field.speech_input_too_long");
    await fieldError(speech().speak({ input: "hi", speed: 2.5 }), "speed", "errors.field.speech_speed");
    await fieldError(speech().speak({ input: "hi", volume: 0 }), "volume", "errors.field.speech_volume");
    await fieldError(speech().speak({ input: "hi", voice: "alloy" as "tongtong" }), "voice", "errors.field.invalid");
    expect(sim.control.stats().requests.speech).toBe(0);
  });

  it("auth failure and scripted faults for the speech target", async () => {
    const auth = await upstreamError(speech("0123456789abcdef.NotTheRightKey00").speak({ input: "hi" }));
    expect([auth.httpStatus, auth.code, auth.kind, auth.operation]).toEqual([401, "401", "breaker", "speech"]);

    sim.control.inject({ type: "truncate", target: "speech" });
    expect((await upstreamError(speech().speak({ input: "hi" }))).kind).toBe("ambiguous");

    sim.control.inject({ type: "status", status: 500, target: "speech" });
    const failed = await upstreamError(speech().speak({ input: "hi" }));
    expect([failed.httpStatus, failed.code, failed.kind]).toEqual([500, "500", "retry"]);
  });
});
