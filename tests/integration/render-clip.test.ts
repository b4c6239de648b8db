import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, stat, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFaststart } from "@/lib/server/media/mp4-atoms";
import { probe } from "@/lib/server/media/probe";
import { renderCacheKey } from "@/lib/simulator/render/cache-key";
import { sweepRenderCache } from "@/lib/simulator/render/cache-sweep";
import { renderClip, type RenderInput } from "@/lib/simulator/render/render-clip";
import { InvalidImageError, RenderFailedError } from "@/lib/simulator/render/render-errors";

// Renders one real clip per mode with Debian ffmpeg and checks it with ffprobe. Timings are printed
// so the closing note of the issue can quote them.

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/images", name));
let cacheDir: string;

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), "render-clip-"));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

async function expectValidClip(input: RenderInput, width: number, height: number) {
  const result = await renderClip(input, { cacheDir });
  console.info(`render ${input.mode} ${width}x${height}: ${result.ms} ms (cached: ${result.cached})`);
  const info = await probe(result.videoPath);
  expect(info).toMatchObject({ videoCodec: "h264", profile: "High", width, height, fps: 24, pixFmt: "yuv420p", hasAudio: false });
  expect(info.container).toContain("mp4");
  expect(Math.abs(info.durationMs - 5000)).toBeLessThanOrEqual(50);
  expect(await isFaststart(result.videoPath)).toBe(true);
  const cover = await readFile(result.coverPath);
  expect([cover[0], cover[1]]).toEqual([0xff, 0xd8]);
  const coverInfo = await probe(result.coverPath);
  expect(coverInfo).toMatchObject({ width, height });
  return result;
}

describe("renderClip", () => {
  const chinese: RenderInput = {
    mode: "text",
    prompt: "一只橘猫在雨后的东京街头慢慢走过，霓虹灯倒映在水洼里。A ginger cat in a rainy Tokyo street, 100% cinematic.",
    style: "general",
    aspectRatio: "16:9",
  };

  it("text, Chinese prompt, 16:9 → 1920x1080", async () => {
    const first = await expectValidClip(chinese, 1920, 1080);
    expect(first.cached).toBe(false);
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    // The default preset (part of the key) is the cheap one: half the CPU of "veryfast", still High profile.
    expect(first.key).toBe(renderCacheKey(chinese, "ultrafast"));
  });

  it("a second identical render (modulo whitespace) is a cache hit", async () => {
    const first = await renderClip(chinese, { cacheDir });
    const before = await stat(first.videoPath);
    const again = await renderClip({ ...chinese, prompt: `  ${chinese.prompt.replace(" ", "   ")} ` }, { cacheDir });
    expect(again.cached).toBe(true);
    // No ffmpeg ran: the very same file (a render writes a new one and renames it into place; a clock
    // bound would fail on a loaded machine).
    expect(again.videoPath).toBe(first.videoPath);
    const after = await stat(again.videoPath);
    expect([after.ino, after.size]).toEqual([before.ino, before.size]);
  });

  it("a hit marks the clip used, so a sweep of clips unused for a week keeps it and removes the others", async () => {
    const used = await renderClip(chinese, { cacheDir });
    const unused = await renderClip({ ...chinese, prompt: "A clip nobody asks for again" }, { cacheDir });
    const weekAgo = new Date(Date.now() - 8 * 24 * 3_600_000);
    for (const p of [used.videoPath, used.coverPath, unused.videoPath, unused.coverPath]) await utimes(p, weekAgo, weekAgo);
    const hit = await renderClip(chinese, { cacheDir });
    expect(hit.cached).toBe(true);
    expect((await stat(hit.videoPath)).mtimeMs).toBeGreaterThan(weekAgo.getTime() + 24 * 3_600_000);
    const { removed } = await sweepRenderCache(cacheDir, { clipMaxAgeMs: 7 * 24 * 3_600_000 });
    expect(removed.sort()).toEqual([`${unused.key}.jpg`, `${unused.key}.mp4`]);
    expect(existsSync(used.videoPath) && existsSync(used.coverPath)).toBe(true);
  });

  it("text, anime, 9:16 → 1080x1920", async () => {
    await expectValidClip({ mode: "text", prompt: "樱花树下的少女，回眸一笑", style: "anime", aspectRatio: "9:16" }, 1080, 1920);
  });

  it("image (16:9 PNG) → Ken Burns at 1920x1080", async () => {
    await expectValidClip({ mode: "image", prompt: "镜头缓缓推进", image: fixture("landscape.png") }, 1920, 1080);
  });

  it("image (portrait JPEG, no prompt) → 1080x1920", async () => {
    await expectValidClip({ mode: "image", image: fixture("portrait.jpg") }, 1080, 1920);
  });

  it("start-end (square WebP → PNG) → crossfade at 1080x1080", async () => {
    await expectValidClip({ mode: "start-end", prompt: "from test card to bars", images: [fixture("square.webp"), fixture("landscape.png")] }, 1080, 1080);
  });

  it("concurrent identical requests share one render", async () => {
    const input: RenderInput = { mode: "start-end", images: [fixture("landscape.png"), fixture("landscape-end.jpg")] };
    const results = await Promise.all([renderClip(input, { cacheDir }), renderClip(input, { cacheDir }), renderClip(input, { cacheDir })]);
    expect(results.filter((r) => !r.cached)).toHaveLength(1);
    expect(new Set(results.map((r) => r.videoPath)).size).toBe(1);
    console.info(`render start-end 1920x1080: ${results[0]?.ms} ms`);
    const leftovers = (await readdir(cacheDir)).filter((n) => n.includes(".tmp") || n.startsWith(".work-"));
    expect(leftovers).toEqual([]);
  });

  it("rejects bad images with a typed error naming the image", async () => {
    await expect(renderClip({ mode: "image", image: fixture("not-an-image.txt") }, { cacheDir })).rejects.toMatchObject({
      name: "InvalidImageError",
      reason: "unknown-format",
      imageIndex: 0,
    });
    const corrupt = renderClip({ mode: "start-end", images: [fixture("landscape.png"), fixture("corrupt.png")] }, { cacheDir });
    await expect(corrupt).rejects.toBeInstanceOf(InvalidImageError);
    await expect(corrupt).rejects.toMatchObject({ reason: "undecodable", imageIndex: 1 });
  });

  it("reports a missing ffmpeg as a render failure, not a client error", async () => {
    const failed = renderClip({ mode: "text", prompt: "x", style: "general", aspectRatio: "1:1" }, { cacheDir, ffmpegPath: "/nonexistent/ffmpeg" });
    await expect(failed).rejects.toBeInstanceOf(RenderFailedError);
  });
});
