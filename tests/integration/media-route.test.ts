import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "@/lib/server/storage";
import type { GenerationView } from "@/lib/shared/generation-view";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

// GET/HEAD /api/media/:generationId/:file: authorization, Asset gating, Range/If-Range/304, download name.
describe.each(providers())("media route on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let bob: StudioUser;
  let id: string;
  const video = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
  const cover = Buffer.from("cover-bytes-not-really-a-jpeg");

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
    bob = await s.user("bob@x.test");
    const res = await s.routes.generations.POST(
      submitRequest(alice, { mode: "text", prompt: "Sunset over Lake Tahoe — 夕阳 / drone shot!" }, "media-key-0001"),
    );
    id = (await res.json()).id;
    // What the worker does once the files are durable: objects under clips/<id>/, Asset rows, STORED.
    const store = createStorage({ driver: "local", rootDir: path.join(s.dataDir, "media") });
    for (const [file, bytes, kindName, mime] of [
      ["video.mp4", video, "VIDEO", "video/mp4"],
      ["cover.jpg", cover, "COVER", "image/jpeg"],
    ] as const) {
      const key = `clips/${id}/${file}`;
      const put = await store.put(key, bytes, { contentType: mime });
      await s.db.asset.create({ data: { generationId: id, kind: kindName, storageKey: key, mime, bytes: put.bytes, sha256: put.sha256, width: 1920, height: 1080, durationMs: 5000 } });
    }
    await s.db.generation.update({ where: { id }, data: { status: "STORED", finishedAt: new Date(), downloadedAt: new Date() } });
  });
  afterAll(async () => s?.drop());

  const get = (user: StudioUser | null, file: string, headers: Record<string, string> = {}, query = "", method = "GET") =>
    s.routes.media.GET(getRequest(user, `/api/media/${id}/${file}${query}`, headers, { method }), ctx({ generationId: id, file }));

  it("the view lists only stored media, with URLs and a download URL", async () => {
    const view = (await (await s.routes.generation.GET(getRequest(alice, `/api/generations/${id}`), ctx({ id }))).json()) as GenerationView;
    expect(view.status).toBe("STORED");
    expect(view.progress).toBe(1);
    // Players get signed URLs for the object itself (tests/integration/signed-media.test.ts); the
    // download stays on this authorizing route.
    const signed = (file: string) => expect.stringMatching(new RegExp(`^/api/media/signed/clips/${id}/${file.replace(".", "\\.")}\\?e=\\d+&a=u\\.${alice.id}&s=[\\w-]+$`));
    expect(view.media).toEqual({
      video: { url: signed("video.mp4"), downloadUrl: `/api/media/${id}/video.mp4?download=1`, bytes: video.length, width: 1920, height: 1080, durationMs: 5000 },
      cover: { url: signed("cover.jpg") },
    });
  });

  it("serves the whole file (200) with private caching, a strong ETag from sha256, nosniff and inline disposition", async () => {
    const res = await get(alice, "video.mp4");
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(video)).toBe(true);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("etag")).toBe(`"${createHash("sha256").update(video).digest("hex")}"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe("inline");
  });

  it("answers single ranges with 206, unsatisfiable ones with 416 */len, and honours If-Range and If-None-Match", async () => {
    const r = await get(alice, "video.mp4", { range: "bytes=100-199" });
    expect(r.status).toBe(206);
    expect(r.headers.get("content-range")).toBe(`bytes 100-199/${video.length}`);
    expect(Buffer.from(await r.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);
    const suffix = await get(alice, "video.mp4", { range: "bytes=-10" });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(video.subarray(-10))).toBe(true);
    const bad = await get(alice, "video.mp4", { range: `bytes=${video.length}-` });
    expect(bad.status).toBe(416);
    expect(bad.headers.get("content-range")).toBe(`bytes */${video.length}`);
    const etag = (await get(alice, "video.mp4", {}, "", "HEAD")).headers.get("etag") ?? "";
    expect((await get(alice, "video.mp4", { range: "bytes=0-9", "if-range": etag })).status).toBe(206);
    const stale = await get(alice, "video.mp4", { range: "bytes=0-9", "if-range": '"other"' });
    expect(stale.status).toBe(200);
    expect(Number(stale.headers.get("content-length"))).toBe(video.length);
    await stale.body?.cancel();
    expect((await get(alice, "video.mp4", { "if-none-match": etag })).status).toBe(304);
  });

  it("HEAD returns headers without a body", async () => {
    const res = await get(alice, "video.mp4", {}, "", "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(video.length));
    expect(res.body).toBeNull();
  });

  it("?download=1 → attachment named framehouse-<date>-<prompt-slug>.mp4 (RFC 6266 + UTF-8)", async () => {
    const res = await get(alice, "video.mp4", {}, "?download=1");
    const cd = res.headers.get("content-disposition") ?? "";
    await res.body?.cancel();
    const row = await s.db.generation.findUniqueOrThrow({ where: { id } });
    const day = row.createdAt.toISOString().slice(0, 10);
    expect(cd).toMatch(/^attachment; filename="framehouse-/);
    expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent(`framehouse-${day}-sunset-over-lake-tahoe-夕阳-drone-shot.mp4`)}`);
    expect(cd).not.toMatch(/[\r\n]/);
  });

  it("404 for another user, an unknown clip, a file without an Asset row; 401 signed out; bad file names 404", async () => {
    expect((await get(bob, "video.mp4")).status).toBe(404);
    expect((await get(alice, "poster.jpg")).status).toBe(404);
    expect((await get(null, "video.mp4")).status).toBe(401);
    const unknown = await s.routes.media.GET(getRequest(alice, "/api/media/nope/video.mp4"), ctx({ generationId: "nope", file: "video.mp4" }));
    expect(unknown.status).toBe(404);
    for (const file of ["../video.mp4", "video.mp4.exe", "index.html", "%2e%2e"]) {
      const res = await s.routes.media.GET(getRequest(alice, `/api/media/${id}/x`), ctx({ generationId: id, file }));
      expect(res.status, file).toBe(404);
    }
    // Soft-deleted clips disappear too.
    await s.db.generation.update({ where: { id }, data: { deletedAt: new Date() } });
    expect((await get(alice, "video.mp4")).status).toBe(404);
    await s.db.generation.update({ where: { id }, data: { deletedAt: null } });
  });
});
