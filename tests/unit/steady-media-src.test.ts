import { describe, expect, it } from "vitest";
import { keepsMediaSrc, signedUrlExpiryMs } from "@/lib/client/steady-media-src";

const NOW = Date.UTC(2026, 11, 4, 18, 0, 0);
const ours = (key: string, e: number) => `/api/media/signed/${key}?e=${e}&a=u.abc&s=sig${e}`;
const s3 = (key: string, date: string, expires: number) => `https://bucket.s3.test/${key}?X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-Signature=x`;

describe("steady media src: a player keeps its URL for the same object while it is valid", () => {
  it("reads the expiry of our signed URLs and of S3 presigned ones; unknown forms have none", () => {
    expect(signedUrlExpiryMs(ours("k/video.mp4", NOW / 1000 + 600))).toBe(NOW + 600_000);
    expect(signedUrlExpiryMs(s3("k/video.mp4", "20261204T180000Z", 900))).toBe(NOW + 900_000);
    expect(signedUrlExpiryMs("/api/media/abc/video.mp4")).toBeNull();
    expect(signedUrlExpiryMs(s3("k", "garbage", 900))).toBeNull();
  });

  it("a re-signed URL of the same object does not replace a valid one (no reload of the player)", () => {
    const first = ours("k/video.mp4", NOW / 1000 + 600);
    expect(keepsMediaSrc(first, ours("k/video.mp4", NOW / 1000 + 750), NOW)).toBe(true);
    expect(keepsMediaSrc(first, first, NOW)).toBe(true);
  });

  it("takes the new URL for another object, near the old one's expiry, or when the expiry is unknown", () => {
    const first = ours("k/video.mp4", NOW / 1000 + 600);
    expect(keepsMediaSrc(first, ours("other/video.mp4", NOW / 1000 + 750), NOW)).toBe(false);
    expect(keepsMediaSrc(first, ours("k/video.mp4", NOW / 1000 + 750), NOW + 570_000)).toBe(false);
    expect(keepsMediaSrc("/api/media/abc/video.mp4", "/api/media/abc/video.mp4?x=1", NOW)).toBe(false);
    expect(keepsMediaSrc(undefined, first, NOW)).toBe(false);
  });
});
