import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { wavLayout, wavSeconds } from "@/lib/shared/wav-layout";
import { api, tempDir } from "@/tests/support/simulator-fixtures";

// The images and speech contract (docs/upstream.md, "Images (CogView-4)" and "Speech (GLM-TTS)")
// over raw HTTP against the simulator: every authorization form the video endpoints accept, the
// documented codes for each kind of mistake in the one error envelope, the PCM format, and the
// tone that stands in when espeak-ng is missing.

let sim: RunningSimulator;
let key = "";
const imagesUrl = () => `${sim.baseUrl}/images/generations`;
const speechUrl = () => `${sim.baseUrl}/audio/speech`;

function expectCode(r: { status: number; body: Record<string, unknown> }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(Object.keys(r.body)).toEqual(["error"]);
  const err = r.body.error as Record<string, unknown>;
  expect(Object.keys(err).sort()).toEqual(["code", "message"]);
  expect(err.code).toBe(code);
}

function jwt(k: string, expMs: number): string {
  const [id, secret] = k.split(".") as [string, string];
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = `${part({ alg: "HS256", sign_type: "SIGN" })}.${part({ api_key: id, exp: expMs, timestamp: Date.now() })}`;
  return `${head}.${createHmac("sha256", secret).update(head).digest("base64url")}`;
}

async function post(url: string, authorization: string | undefined, body: unknown) {
  return fetch(url, { method: "POST", headers: { ...(authorization ? { Authorization: authorization } : {}), "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  sim = await startSimulator({ cacheDir: tempDir("media-contract"), speed: 1000 });
  key = sim.keys[0] ?? "";
});
afterAll(() => sim.close());

describe("auth: the same forms as the video endpoints", () => {
  it.each([
    ["Bearer <key>", () => `Bearer ${key}`],
    ["bare key", () => key],
    ["Bearer <jwt>", () => `Bearer ${jwt(key, Date.now() + 60_000)}`],
    ["bare jwt", () => jwt(key, Date.now() + 60_000)],
  ])("%s is accepted", async (_, auth) => {
    expect((await post(imagesUrl(), auth(), { model: "cogview-4-250304", prompt: "x" })).status).toBe(200);
    expect((await post(speechUrl(), auth(), { model: "glm-tts", input: "hi" })).status).toBe(200);
  });

  it("missing 1001, expired jwt 1003, unknown key 401", async () => {
    expectCode(await api(imagesUrl(), undefined, { model: "cogview-4", prompt: "x" }), 401, "1001");
    const expired = await post(speechUrl(), `Bearer ${jwt(key, Date.now() - 1_000)}`, { model: "glm-tts", input: "hi" });
    expectCode({ status: expired.status, body: (await expired.json()) as Record<string, unknown> }, 401, "1003");
    expectCode(await api(speechUrl(), "0123456789abcdef.NotTheRightKey00", { model: "glm-tts", input: "hi" }), 401, "401");
  });
});

describe("images: validation codes", () => {
  it.each([
    ["not JSON", "{", "1210"],
    ["no model", { prompt: "x" }, "1213"],
    ["unknown model", { model: "dall-e-3", prompt: "x" }, "1211"],
    ["no prompt", { model: "cogview-4" }, "1213"],
    ["blank prompt", { model: "cogview-4", prompt: "  " }, "1213"],
    ["prompt over 1000 characters (assumed 1261)", { model: "cogview-4", prompt: "x".repeat(1001) }, "1261"],
    ["size not divisible by 16", { model: "cogview-4", prompt: "x", size: "1000x1000" }, "1214"],
    ["size over 2^21 pixels", { model: "cogview-4", prompt: "x", size: "2048x2048" }, "1214"],
    ["unknown quality", { model: "cogview-4", prompt: "x", quality: "ultra" }, "1214"],
    ["an input image (text-only model)", { model: "cogview-4", prompt: "x", image_url: "https://example.com/a.png" }, "1214"],
    ["short user_id", { model: "cogview-4", prompt: "x", user_id: "abc" }, "1214"],
  ])("%s → 400 %s", async (_, body, code) => {
    expectCode(await api(imagesUrl(), key, body), 400, code);
  });

  it("null fields mean not sent; unknown fields are ignored; custom sizes work", async () => {
    const r = await api(imagesUrl(), key, { model: "cogview-3-flash", prompt: "x", quality: null, user_id: null, n: 2, size: "512x2048" });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(["created", "data"]);
    expect((r.body.data as unknown[]).length).toBe(1);
  });
});

describe("speech: validation codes and formats", () => {
  it.each([
    ["no input", { model: "glm-tts" }, "1213"],
    ["unknown model", { model: "tts-1", input: "hi" }, "1211"],
    ["input over 1024 characters (assumed 1214)", { model: "glm-tts", input: "字".repeat(1025) }, "1214"],
    ["speed below 0.5", { model: "glm-tts", input: "hi", speed: 0.4 }, "1214"],
    ["volume 0", { model: "glm-tts", input: "hi", volume: 0 }, "1214"],
    ["volume over 10", { model: "glm-tts", input: "hi", volume: 10.5 }, "1214"],
    ["a voice that is not a system voice", { model: "glm-tts", input: "hi", voice: "alloy" }, "1214"],
    ["mp3", { model: "glm-tts", input: "hi", response_format: "mp3" }, "1214"],
    ["streaming (not simulated)", { model: "glm-tts", input: "hi", stream: true }, "1214"],
  ])("%s → 400 %s", async (_, body, code) => {
    expectCode(await api(speechUrl(), key, body), 400, code);
  });

  it("pcm is the default: headerless 16-bit samples; wav carries the same audio with a header", async () => {
    const pcm = await post(speechUrl(), `Bearer ${key}`, { model: "glm-tts", input: "Good evening." });
    expect(pcm.headers.get("content-type")).toBe("application/octet-stream");
    const raw = Buffer.from(await pcm.arrayBuffer());
    expect(raw.toString("latin1", 0, 4)).not.toBe("RIFF");
    const wav = await post(speechUrl(), `Bearer ${key}`, { model: "glm-tts", input: "Good evening.", response_format: "wav" });
    expect(wav.headers.get("content-type")).toBe("audio/wav");
    const layout = wavLayout(Buffer.from(await wav.arrayBuffer()));
    expect(layout).toMatchObject({ channels: 1, sampleRate: 24_000, bitsPerSample: 16, dataBytes: raw.length });
  });
});

describe("without espeak-ng", () => {
  it("a tone of plausible length stands in", async () => {
    const quiet = await startSimulator({ cacheDir: tempDir("media-noespeak"), speed: 1000, espeakPath: "/nonexistent/espeak-ng" });
    try {
      const input = "这是一句没有语音引擎时的台词。";
      const res = await post(`${quiet.baseUrl}/audio/speech`, `Bearer ${quiet.keys[0]}`, { model: "glm-tts", input, response_format: "wav" });
      expect(res.status).toBe(200);
      const layout = wavLayout(Buffer.from(await res.arrayBuffer()));
      if (!layout) throw new Error("not a WAV");
      expect(wavSeconds(layout)).toBeGreaterThan([...input].length * 0.15);
      expect(wavSeconds(layout)).toBeLessThan([...input].length * 0.4);
    } finally {
      await quiet.close();
    }
  });
});
