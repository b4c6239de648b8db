import { describe, expect, it } from "vitest";
import { probeImage } from "@/lib/simulator/image-probe";
import { exampleImageFetcher, placeholderPng } from "@/tests/support/placeholder-image";
import { validateCreateRequest } from "@/lib/simulator/validate-request";

// Image header probing and the create-body validation codes (1210/1211/1213/1214/1261).

function jpeg(w: number, h: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 255, w >> 8, w & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

function webpLossless(w: number, h: number): Buffer {
  const b = Buffer.alloc(40);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(32, 4);
  b.write("WEBPVP8L", 8, "latin1");
  b.writeUInt32LE(10, 16);
  b[20] = 0x2f;
  b.writeUInt32LE(((w - 1) | ((h - 1) << 14)) >>> 0, 21);
  return b;
}

function webpExtended(w: number, h: number): Buffer {
  const b = Buffer.alloc(40);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(32, 4);
  b.write("WEBPVP8X", 8, "latin1");
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(w - 1, 24, 3);
  b.writeUIntLE(h - 1, 27, 3);
  return b;
}

const dataUri = (type: string, buf: Buffer) => `data:image/${type};base64,${buf.toString("base64")}`;
const noFetch = async () => {
  throw new Error("offline");
};
const opts = { fetchImage: noFetch, maxImageBytes: 1024 * 1024, promptTooLongCode: "1261" as const };

describe("probeImage", () => {
  it("reads PNG, JPEG and WebP sizes", () => {
    expect(probeImage(placeholderPng("a", 64, 32))).toEqual({ type: "png", width: 64, height: 32 });
    expect(probeImage(jpeg(1920, 1080))).toEqual({ type: "jpeg", width: 1920, height: 1080 });
    expect(probeImage(webpLossless(300, 200))).toEqual({ type: "webp", width: 300, height: 200 });
    expect(probeImage(webpExtended(5000, 1000))).toEqual({ type: "webp", width: 5000, height: 1000 });
  });
  it("refuses non-images and truncated headers", () => {
    expect(probeImage(Buffer.from("<svg></svg>"))).toBeUndefined();
    expect(probeImage(placeholderPng("a", 8, 8).subarray(0, 20))).toBeUndefined();
    expect(probeImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
  });
});

describe("validateCreateRequest", () => {
  const png = placeholderPng("x", 64, 36);
  const cases: [string, unknown, string | undefined][] = [
    ["array body", [], "1210"],
    ["missing model", { prompt: "a" }, "1213"],
    ["unknown model", { model: "viduq9", prompt: "a" }, "1211"],
    ["numeric model", { model: 5 }, "1211"],
    ["text without prompt", { model: "viduq1-text" }, "1213"],
    ["text with empty prompt", { model: "viduq1-text", prompt: "" }, "1213"],
    ["prompt 513 chars", { model: "viduq1-text", prompt: "字".repeat(513) }, "1261"],
    ["prompt 512 CJK chars", { model: "viduq1-text", prompt: "字".repeat(512) }, undefined],
    ["bad style", { model: "viduq1-text", prompt: "a", style: "noir" }, "1214"],
    ["bad duration", { model: "viduq1-text", prompt: "a", duration: 4 }, "1214"],
    ["duration as string", { model: "viduq1-text", prompt: "a", duration: "5" }, "1214"],
    ["bad size", { model: "viduq1-text", prompt: "a", size: "1280x720" }, "1214"],
    ["bad aspect", { model: "viduq1-text", prompt: "a", aspect_ratio: "4:3" }, "1214"],
    ["short user_id", { model: "viduq1-text", prompt: "a", user_id: "abc" }, "1214"],
    ["unknown field ignored", { model: "viduq1-text", prompt: "a", seed: 3 }, undefined],
    ["image missing url", { model: "viduq1-image" }, "1213"],
    ["image url not a string", { model: "viduq1-image", image_url: ["x"] }, "1214"],
    ["image data uri ok", { model: "viduq1-image", image_url: dataUri("png", png) }, undefined],
    ["jpg alias ok", { model: "viduq1-image", image_url: dataUri("jpg", jpeg(640, 480)) }, undefined],
    ["declared type mismatch", { model: "viduq1-image", image_url: dataUri("jpeg", png) }, "1214"],
    ["gif prefix", { model: "viduq1-image", image_url: `data:image/gif;base64,${png.toString("base64")}` }, "1214"],
    ["no prefix", { model: "viduq1-image", image_url: png.toString("base64") }, "1214"],
    ["broken base64", { model: "viduq1-image", image_url: "data:image/png;base64,@@@@" }, "1214"],
    ["aspect 5:1", { model: "viduq1-image", image_url: dataUri("webp", webpExtended(5000, 1000)) }, "1214"],
    ["aspect 4:1 ok", { model: "viduq1-image", image_url: dataUri("webp", webpExtended(4000, 1000)) }, undefined],
    ["unfetchable https", { model: "viduq1-image", image_url: "https://cdn.nowhere.net/a.png" }, "1214"],
    ["unfetchable http", { model: "viduq1-image", image_url: "http://cdn.nowhere.net/a.png" }, "1214"],
    ["image_url object form", { model: "viduq1-image", image_url: { url: dataUri("png", png) } }, undefined],
    ["start-end object forms", { model: "viduq1-start-end", image_url: [{ url: dataUri("png", png) }, dataUri("png", png)] }, undefined],
    ["image_url object without url", { model: "viduq1-image", image_url: { href: dataUri("png", png) } }, "1214"],
    [
      "every optional field null (python SDK)",
      { model: "viduq1-text", prompt: "a", request_id: null, user_id: null, with_audio: null, quality: null, fps: null, off_peak: null, style: null, aspect_ratio: null, size: null, duration: null, movement_amplitude: null },
      undefined,
    ],
    ["image with prompt null", { model: "viduq1-image", image_url: dataUri("png", png), prompt: null, with_audio: null }, undefined],
    ["start-end one image", { model: "viduq1-start-end", image_url: [dataUri("png", png)] }, "1214"],
    ["start-end string", { model: "viduq1-start-end", image_url: dataUri("png", png) }, "1214"],
    [
      "start-end resolution ratio 0.5",
      { model: "viduq1-start-end", image_url: [dataUri("png", placeholderPng("a", 64, 36)), dataUri("png", placeholderPng("b", 128, 36))] },
      "1214",
    ],
    [
      "start-end ratio within 0.8–1.25",
      { model: "viduq1-start-end", image_url: [dataUri("png", placeholderPng("a", 64, 36)), dataUri("jpeg", jpeg(70, 36))] },
      undefined,
    ],
  ];
  it.each(cases)("%s", async (_name, body, code) => {
    const r = await validateCreateRequest(body, opts);
    if (code === undefined) expect(r.ok).toBe(true);
    else expect(r.ok ? "ok" : r.code).toBe(code);
  });

  it("decoded images over the limit are refused", async () => {
    const r = await validateCreateRequest({ model: "viduq1-image", image_url: dataUri("png", png) }, { ...opts, maxImageBytes: 100 });
    expect(r.ok ? "ok" : r.code).toBe("1214");
  });

  it("the example fetcher stands in distinct images for documentation hosts", async () => {
    const r = await validateCreateRequest(
      { model: "viduq1-start-end", image_url: ["https://example.com/a.jpg", "http://example.com/b.jpg"] },
      { ...opts, fetchImage: exampleImageFetcher, maxImageBytes: 50 * 1024 * 1024 },
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.images[0]?.equals(r.value.images[1] ?? Buffer.alloc(0))).toBe(false);
  });

  it("the default fetcher reports an unreachable host instead of inventing an image", async () => {
    const { createImageFetcher } = await import("@/lib/simulator/fetch-image");
    const r = await validateCreateRequest(
      { model: "viduq1-image", image_url: "https://example.com/path/to/your/image.jpg" },
      { ...opts, fetchImage: createImageFetcher({ timeoutMs: 2_000 }) },
    );
    expect(r.ok ? "ok" : r.code).toBe("1214");
  });

  it("the prompt-length code follows the switch (UNVERIFIED upstream)", async () => {
    const body = { model: "viduq1-text", prompt: "字".repeat(513) };
    expect(await validateCreateRequest(body, { ...opts, promptTooLongCode: "1214" })).toMatchObject({ ok: false, code: "1214" });
  });
});
