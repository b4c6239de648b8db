import { describe, expect, it } from "vitest";
import { failureReasonOf, progressOf, toGenerationView, type ViewRow } from "@/lib/server/generations/generation-view";
import { defaultExpectedMs, median } from "@/lib/server/generations/expected-duration";
import { decodeCursor, encodeCursor } from "@/lib/server/gallery/list-generations";
import { downloadName } from "@/lib/server/generations/serve-clip-media";

const base: ViewRow = {
  id: "cabc123",
  mode: "START_END",
  model: "viduq1-start-end",
  prompt: "p",
  params: { movementAmplitude: "small", withAudio: true, junk: 1 },
  status: "QUEUED",
  errorCode: null,
  costFen: 250,
  upstreamRequestId: "00000000-0000-4000-8000-000000000000",
  upstreamTaskId: null,
  createdAt: new Date("2026-11-23T10:00:00Z"),
  submittedAt: null,
  acceptedAt: null,
  successSeenAt: null,
  downloadedAt: null,
  finishedAt: null,
  updatedAt: new Date("2026-11-23T10:00:01Z"),
  width: null,
  height: null,
  durationMs: null,
  takeGroupId: null,
  inputs: [
    { position: 0, uploadId: "u0", upload: { width: 640, height: 360, storageKey: "uploads/u0.webp", mime: "image/webp" } },
    { position: 1, uploadId: "u1", upload: { width: 640, height: 360, storageKey: "uploads/u1.webp", mime: "image/webp" } },
  ],
  assets: [],
};

describe("progressOf", () => {
  const accepted = new Date(1_000_000);
  it("follows the status ladder", () => {
    expect(progressOf("QUEUED", null, 100_000, 0)).toBe(0.02);
    expect(progressOf("SUBMITTING", null, 100_000, 0)).toBe(0.05);
    expect(progressOf("DOWNLOADING", accepted, 100_000, 0)).toBe(0.93);
    expect(progressOf("STORED", accepted, 100_000, 0)).toBe(1);
    expect(progressOf("FAILED", accepted, 100_000, 0)).toBe(0);
  });
  it("PROCESSING grows with elapsed/expected and is capped below DOWNLOADING", () => {
    expect(progressOf("PROCESSING", accepted, 100_000, 1_000_000)).toBeCloseTo(0.05);
    expect(progressOf("PROCESSING", accepted, 100_000, 1_050_000)).toBeCloseTo(0.05 + 0.85 * 0.5);
    expect(progressOf("PROCESSING", accepted, 100_000, 9_000_000)).toBeCloseTo(0.05 + 0.85 * 0.97);
    expect(progressOf("PROCESSING", accepted, 100_000, 0)).toBeCloseTo(0.05); // clock skew: never below
    expect(progressOf("PROCESSING", null, 100_000, 5)).toBe(0.05);
  });
});

describe("failureReasonOf", () => {
  it("reads the closed reason of a take that ended without a video, and nothing otherwise", () => {
    expect(failureReasonOf("REJECTED", "unsafe_content")).toBe("unsafe_content");
    expect(failureReasonOf("FAILED", "timeout")).toBe("timeout");
    expect(failureReasonOf("EXPIRED", "expired")).toBe("expired");
    expect(failureReasonOf("CANCELLED", "cancelled")).toBe("cancelled");
    // Running or stored takes have no reason, whatever a column says.
    expect(failureReasonOf("QUEUED", "timeout")).toBeNull();
    expect(failureReasonOf("STORED", "timeout")).toBeNull();
    // A code outside the closed set (only possible through a restore from outside the app).
    expect(failureReasonOf("FAILED", "something-new")).toBe("worker_error");
    expect(failureReasonOf("CANCELLED", null)).toBe("cancelled");
  });
});

/** Stands in for the signer (media-access/media-urls.ts): shows which object each URL was issued for. */
const urls = { url: ({ key, contentType }: { key: string; contentType: string }) => `signed:${key}:${contentType}` };

describe("toGenerationView", () => {
  it("maps a queued start-end row (mode, params whitelist, inputs, no media, no error)", () => {
    const v = toGenerationView(base, 100_000, urls, 0);
    expect(v).toMatchObject({
      mode: "start-end",
      params: { movementAmplitude: "small", withAudio: true },
      progress: 0.02,
      expectedMs: 100_000,
      errorCode: null,
      errorMessage: null,
      media: {},
      createdAt: "2026-11-23T10:00:00.000Z",
      submittedAt: null,
    });
    expect(v.params).not.toHaveProperty("junk");
    expect(v.inputs).toEqual([
      { position: 0, uploadId: "u0", url: "signed:uploads/u0.webp:image/webp", width: 640, height: 360 },
      { position: 1, uploadId: "u1", url: "signed:uploads/u1.webp:image/webp", width: 640, height: 360 },
    ]);
  });
  it("gives a bilingual reason for a rejection and hides transient codes while running", () => {
    const rejected = toGenerationView({ ...base, status: "REJECTED", errorCode: "unsafe_content" }, 1, urls, 0);
    expect(rejected.errorCode).toBe("unsafe_content");
    expect(rejected.errorMessage?.en).toMatch(/unsafe/);
    expect(rejected.errorMessage?.["zh-CN"]).toMatch(/不安全/);
    const backingOff = toGenerationView({ ...base, status: "QUEUED", errorCode: "timeout" }, 1, urls, 0);
    expect(backingOff.errorCode).toBeNull();
    expect(backingOff.errorMessage).toBeNull();
  });
  it("lists only existing assets, each with the URL of its own object; downloads stay on the authorizing route", () => {
    const poster = { kind: "POSTER", bytes: 5, width: null, height: null, durationMs: null, storageKey: "clips/cabc123/poster.jpg", mime: "image/jpeg" } as const;
    const v = toGenerationView({ ...base, status: "STORED", assets: [poster] }, 1, urls, 0);
    expect(v.media).toEqual({ poster: { url: "signed:clips/cabc123/poster.jpg:image/jpeg" } });
    const video = { ...poster, kind: "VIDEO", storageKey: "clips/cabc123/video.mp4", mime: "video/mp4", width: 1920, height: 1080, durationMs: 5000 } as const;
    const w = toGenerationView({ ...base, status: "STORED", assets: [video] }, 1, urls, 0);
    expect(w.media.video).toMatchObject({ url: "signed:clips/cabc123/video.mp4:video/mp4", downloadUrl: "/api/media/cabc123/video.mp4?download=1" });
  });
  it("says where a STORED clip's poster and preview stand: pending while their job runs, failed when it ended without them", () => {
    const asset = (kind: "VIDEO" | "POSTER" | "PREVIEW") => ({ kind, bytes: 5, width: null, height: null, durationMs: null, storageKey: `clips/cabc123/${kind.toLowerCase()}`, mime: "application/octet-stream" });
    const playable = { ...base, status: "STORED" as const, assets: [asset("VIDEO")] };
    for (const job of ["BLOCKED", "QUEUED", "ACTIVE"] as const) expect(toGenerationView(playable, 1, urls, 0, job).derivatives).toBe("pending");
    for (const job of ["FAILED", "CANCELLED", "DONE", null] as const) expect(toGenerationView(playable, 1, urls, 0, job).derivatives).toBe("failed");
    const ready = { ...playable, assets: [asset("VIDEO"), asset("POSTER"), asset("PREVIEW")] };
    expect(toGenerationView(ready, 1, urls, 0, null).derivatives).toBe("ready");
    // The poster alone (the preview still being made) is not ready yet.
    expect(toGenerationView({ ...playable, assets: [asset("VIDEO"), asset("POSTER")] }, 1, urls, 0, "ACTIVE").derivatives).toBe("pending");
    expect("derivatives" in toGenerationView({ ...base, status: "PROCESSING" }, 1, urls, 0)).toBe(false);
  });
});

describe("expected duration helpers", () => {
  it("median of odd and even samples; defaults from GENERATION_SECONDS", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3); // (2+3)/2 rounded
    expect(defaultExpectedMs("viduq1-text")).toBe(285_000);
    expect(defaultExpectedMs("viduq1-start-end")).toBe(100_000);
    expect(defaultExpectedMs("unknown-model")).toBe(210_000);
  });
});

describe("list cursor", () => {
  it("round-trips and rejects junk", () => {
    const c = { createdAt: new Date(1_763_900_000_123), id: "cm3abc_DEF-9" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const junk of ["", "%%%", Buffer.from("123").toString("base64url"), Buffer.from("x.y").toString("base64url"), Buffer.from("1.a/b").toString("base64url")]) {
      expect(() => decodeCursor(junk), junk).toThrow();
    }
  });
});

describe("downloadName", () => {
  const at = new Date("2026-11-23T23:59:59Z");
  it("slugs the prompt (any script), dates it, and falls back to the id", () => {
    expect(downloadName(at, "A Red Fox, in SNOW!", "cabcdefgh123", "video.mp4")).toBe("framehouse-2026-11-23-a-red-fox-in-snow.mp4");
    expect(downloadName(at, "  夕阳 下的 海  ", "cabcdefgh123", "video.mp4")).toBe("framehouse-2026-11-23-夕阳-下的-海.mp4");
    expect(downloadName(at, "", "cabcdefgh123", "video.mp4")).toBe("framehouse-2026-11-23-cabcdefg.mp4");
    expect(downloadName(at, "../../etc/passwd\r\n", "cabcdefgh123", "poster.jpg")).toBe("framehouse-2026-11-23-etc-passwd-poster.jpg");
    const long = downloadName(at, "word ".repeat(100), "c1", "video.mp4");
    expect([...long].length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^framehouse-2026-11-23-word(-word)*\.mp4$/);
  });
});
