import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { requestTimeoutFor } from "@/lib/server/bigmodel/client";
import { frameForUpstream } from "@/lib/server/generations/video-job/upstream-frame";

// Input frames are re-encoded to the output size before they go into the create body: two
// photo-like frames near the 10 MB upload limit (a gradient with sensor-like grain, which PNG cannot
// compress well) make a body of a few MB, not ~27 MB, and the create's deadline covers that body at
// the slowest planned upload rate.

async function noisyPng(width: number, height: number): Promise<Buffer> {
  const grain = randomBytes(width * height * 3);
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      px[i] = Math.min(255, ((x * 255) / width + (grain[i]! & 15)) | 0);
      px[i + 1] = Math.min(255, ((y * 255) / height + (grain[i + 1]! & 15)) | 0);
      px[i + 2] = Math.min(255, (128 + (grain[i + 2]! & 15)) | 0);
    }
  }
  return sharp(px, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
}

describe("frameForUpstream", () => {
  it("brings a large frame down to 1920 px on its long side as JPEG, and leaves smaller frames their size", async () => {
    const big = await noisyPng(3000, 2000);
    const frame = await frameForUpstream(big);
    const meta = await sharp(frame.data).metadata();
    expect([frame.mime, meta.format, meta.width, meta.height]).toEqual(["image/jpeg", "jpeg", 1920, 1280]);
    const smallFrame = await frameForUpstream(await noisyPng(640, 360));
    const small = await sharp(smallFrame.data).metadata();
    expect([small.width, small.height]).toEqual([640, 360]);
  }, 60_000);

  it("two worst-case frames make a create body of a few MB whose deadline covers it", async () => {
    const frames = await Promise.all([noisyPng(3000, 2000), noisyPng(3000, 2000)]);
    const before = frames.reduce((n, f) => n + Math.ceil(f.length / 3) * 4, 0);
    const after = (await Promise.all(frames.map(frameForUpstream))).reduce((n, f) => n + Math.ceil(f.data.length / 3) * 4, 0);
    console.log(JSON.stringify({ base64BodyBytesBefore: before, base64BodyBytesAfter: after }));
    expect(after).toBeLessThan(8 * 1024 * 1024);
    expect(after).toBeLessThan(before / 2);
    expect(requestTimeoutFor(60_000, after)).toBeGreaterThan(60_000 + (after / (128 * 1024)) * 1000 - 1);
  }, 60_000);
});
