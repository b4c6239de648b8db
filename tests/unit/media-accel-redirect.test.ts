import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env";
import { accelRedirect, accelRedirectUri } from "@/lib/server/media/accel-redirect";

describe("MEDIA_ACCEL_REDIRECT_PREFIX", () => {
  it("is off by default and accepts only a path that starts and ends with /", () => {
    expect(parseEnv({}).MEDIA_ACCEL_REDIRECT_PREFIX).toBeUndefined();
    expect(parseEnv({ MEDIA_ACCEL_REDIRECT_PREFIX: "" }).MEDIA_ACCEL_REDIRECT_PREFIX).toBeUndefined();
    expect(parseEnv({ MEDIA_ACCEL_REDIRECT_PREFIX: "/_protected_media/" }).MEDIA_ACCEL_REDIRECT_PREFIX).toBe("/_protected_media/");
    for (const bad of ["_protected_media/", "/_protected_media", "http://x/media/", "/a b/", "/a?b/"]) {
      expect(() => parseEnv({ MEDIA_ACCEL_REDIRECT_PREFIX: bad }), bad).toThrow(/MEDIA_ACCEL_REDIRECT_PREFIX/);
    }
  });
});

describe("accelRedirect", () => {
  it("names the internal URI with every key segment percent-encoded", () => {
    expect(accelRedirectUri("/_p/", "clips/abc_1-2/video.mp4")).toBe("/_p/clips/abc_1-2/video.mp4");
    expect(accelRedirectUri("/_p/", "a?b/c#d/%")).toBe("/_p/a%3Fb/c%23d/%25");
  });

  it("answers GET/HEAD with an empty body and the redirect headers; other methods 405", async () => {
    const res = accelRedirect(new Request("http://x/", { method: "GET" }), {
      prefix: "/_p/",
      key: "clips/a/video.mp4",
      contentType: "video/mp4",
      cacheControl: "private, max-age=3600",
      downloadName: "clip.mp4",
    });
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "x-accel-redirect": "/_p/clips/a/video.mp4",
      "content-type": "video/mp4",
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
      "content-disposition": "attachment; filename=\"clip.mp4\"; filename*=UTF-8''clip.mp4",
    });
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect(accelRedirect(new Request("http://x/", { method: "POST" }), { prefix: "/_p/", key: "k", contentType: "x", cacheControl: "x" }).status).toBe(405);
  });
});
