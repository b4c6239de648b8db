import { readFileSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { makePoster, makePosterAndPreview, makePreview } from "@/lib/server/media/ffmpeg";
import { MediaToolError } from "@/lib/server/media/media-errors";
import { isFaststart, readTopLevelAtoms } from "@/lib/server/media/mp4-atoms";
import { probe } from "@/lib/server/media/probe";
import { renderClip } from "@/lib/simulator/render/render-clip";

// The studio's media helpers against a clip the simulator rendered (the same path a re-hosted
// upstream clip takes: probe → poster → preview).

let dir: string;
let clip: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "media-tools-"));
  const image = readFileSync(path.join(import.meta.dirname, "../fixtures/images/portrait.jpg"));
  ({ videoPath: clip } = await renderClip({ mode: "image", image, prompt: "poster test" }, { cacheDir: dir }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("probe", () => {
  it("describes a rendered clip", async () => {
    const info = await probe(clip);
    console.info("probe:", JSON.stringify(info));
    expect(info).toMatchObject({ videoCodec: "h264", profile: "High", width: 1080, height: 1920, fps: 24, pixFmt: "yuv420p", hasAudio: false });
    expect(info.bytes).toBe((await stat(clip)).size);
  });

  it("throws a typed error for files that are not media", async () => {
    const junk = path.join(dir, "junk.mp4");
    await writeFile(junk, "definitely not an mp4");
    await expect(probe(junk)).rejects.toMatchObject({ name: "MediaToolError", reason: "invalid-media" });
    await expect(probe(path.join(dir, "missing.mp4"))).rejects.toBeInstanceOf(MediaToolError);
  });

  it("says when ffprobe itself is missing", async () => {
    await expect(probe(clip, { ffprobePath: "/nonexistent/ffprobe" })).rejects.toMatchObject({ reason: "tool-failed" });
  });
});

describe("makePoster / makePreview", () => {
  it("writes a JPEG poster from the middle of the clip, 640 px on the long side", async () => {
    const out = path.join(dir, "poster.jpg");
    await makePoster(clip, out);
    const bytes = await readFile(out);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(await probe(out)).toMatchObject({ width: 360, height: 640 });
  });

  it("takes the same frame without ffprobe when the clip's duration is known (a stored clip's Asset row)", async () => {
    const probed = path.join(dir, "poster-probed.jpg");
    const known = path.join(dir, "poster-known.jpg");
    await makePoster(clip, probed);
    const { durationMs } = await probe(clip);
    // No ffprobe can run here: the poster comes from the duration given.
    await makePoster(clip, known, { durationMs, ffprobePath: "/nonexistent/ffprobe" });
    expect((await readFile(known)).equals(await readFile(probed))).toBe(true);
    // Without a known duration (an older row: null) the clip is probed, so the missing tool is said.
    await expect(makePoster(clip, known, { durationMs: null, ffprobePath: "/nonexistent/ffprobe" })).rejects.toMatchObject({ reason: "tool-failed" });
  });

  it("writes a small muted faststart preview, 480 px on the long side, about 3 s", async () => {
    const out = path.join(dir, "preview.mp4");
    await makePreview(clip, out);
    const info = await probe(out);
    console.info("preview:", JSON.stringify(info));
    expect(info).toMatchObject({ videoCodec: "h264", width: 270, height: 480, hasAudio: false, pixFmt: "yuv420p" });
    expect(Math.abs(info.durationMs - 3000)).toBeLessThanOrEqual(100);
    expect(info.bytes).toBeLessThan(300_000);
    expect(await isFaststart(out)).toBe(true);
  });

  it("fails with a typed error on a broken input and leaves no temp file", async () => {
    const junk = path.join(dir, "broken.mp4");
    await writeFile(junk, Buffer.alloc(1000, 1));
    const out = path.join(dir, "broken-preview.mp4");
    await expect(makePreview(junk, out)).rejects.toBeInstanceOf(MediaToolError);
    await expect(stat(out)).rejects.toThrow();
  });
});

describe("makePosterAndPreview", () => {
  /** An ffmpeg that notes each run in a file, so a test can count the runs. */
  async function countingFfmpeg(): Promise<{ path: string; runs: () => Promise<number> }> {
    const log = path.join(dir, `runs-${Math.random().toString(36).slice(2)}.log`);
    const wrapper = `${log}.sh`;
    await writeFile(wrapper, `#!/bin/sh\necho run >> '${log}'\nexec ffmpeg "$@"\n`);
    await chmod(wrapper, 0o755);
    const runs = async () => (await readFile(log, "utf8").catch(() => "")).split("\n").filter(Boolean).length;
    return { path: wrapper, runs };
  }

  it("makes a 5 s clip's poster and preview in one ffmpeg run, byte for byte what makePoster and makePreview make", async () => {
    const { durationMs } = await probe(clip);
    const [poster, preview] = [path.join(dir, "pp-poster.jpg"), path.join(dir, "pp-preview.mp4")];
    const ffmpeg = await countingFfmpeg();
    await makePosterAndPreview(clip, { poster, preview }, { durationMs, ffmpegPath: ffmpeg.path, ffprobePath: "/nonexistent/ffprobe" });
    expect(await ffmpeg.runs()).toBe(1);
    const [apartPoster, apartPreview] = [path.join(dir, "apart-poster.jpg"), path.join(dir, "apart-preview.mp4")];
    await makePoster(clip, apartPoster, { durationMs });
    await makePreview(clip, apartPreview);
    expect((await readFile(poster)).equals(await readFile(apartPoster))).toBe(true);
    expect((await readFile(preview)).equals(await readFile(apartPreview))).toBe(true);
    expect(await isFaststart(preview)).toBe(true);
  });

  it("makes the poster of a clip whose middle lies beyond the preview's 3 s in a run of its own, still the middle frame", async () => {
    const long = path.join(dir, "eight-seconds.mp4");
    execFileSync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=24:d=8", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", long]);
    const [poster, preview] = [path.join(dir, "long-poster.jpg"), path.join(dir, "long-preview.mp4")];
    const ffmpeg = await countingFfmpeg();
    await makePosterAndPreview(long, { poster, preview }, { durationMs: 8000, ffmpegPath: ffmpeg.path });
    expect(await ffmpeg.runs()).toBe(2);
    const apart = path.join(dir, "long-poster-apart.jpg");
    await makePoster(long, apart, { durationMs: 8000 });
    expect((await readFile(poster)).equals(await readFile(apart))).toBe(true);
    expect(Math.abs((await probe(preview)).durationMs - 3000)).toBeLessThanOrEqual(100);
  });

  it("fails with a typed error on a broken input and leaves neither file nor a temp file", async () => {
    const junk = path.join(dir, "broken-both.mp4");
    await writeFile(junk, Buffer.alloc(1000, 1));
    const out = { poster: path.join(dir, "broken-both.jpg"), preview: path.join(dir, "broken-both-preview.mp4") };
    await expect(makePosterAndPreview(junk, out, { durationMs: 5000 })).rejects.toMatchObject({ name: "MediaToolError", reason: "invalid-media" });
    expect((await readdir(dir)).filter((f) => f.startsWith("broken-both") && f !== "broken-both.mp4")).toEqual([]);
  });
});

describe("readTopLevelAtoms", () => {
  it("lists ftyp, moov, mdat in faststart order", async () => {
    const types = (await readTopLevelAtoms(clip)).map((a) => a.type);
    expect(types[0]).toBe("ftyp");
    expect(types.indexOf("moov")).toBeLessThan(types.indexOf("mdat"));
  });

  it("detects a non-faststart file", async () => {
    const box = (type: string, payload = 0) => {
      const b = Buffer.alloc(8 + payload);
      b.writeUInt32BE(8 + payload, 0);
      b.write(type, 4, "latin1");
      return b;
    };
    const file = path.join(dir, "slow.mp4");
    await writeFile(file, Buffer.concat([box("ftyp", 8), box("mdat", 100), box("moov", 20)]));
    expect(await isFaststart(file)).toBe(false);
  });
});
