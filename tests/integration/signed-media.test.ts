import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/server/db";
import { createStorage } from "@/lib/server/storage";
import type { GenerationView } from "@/lib/shared/generation-view";
import { MEDIA_BASELINE_HEADERS } from "@/lib/shared/security-headers.mjs";
import { providers } from "../support/test-db";
import { openDescriptorsOn } from "../support/open-descriptors";
import { waitFor } from "../support/wait-for";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// Signed media URLs end to end on the real handlers: a page view (GET /api/generations/:id, the
// share page's loader) authorizes once and hands out URLs; the byte route /api/media/signed/<key>
// serves them with Range and reads NO database (counted), refuses tampered and foreign URLs, and
// revocation (membership, share link) bites at the next page view while issued URLs live to expiry.

const holder = globalThis as unknown as { framehouseDb?: Db };
const video = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 256));
const poster = Buffer.from("poster-bytes");

interface Clip {
  id: string;
}

async function storedClip(s: Studio, ownerId: string, teamId: string | null): Promise<Clip> {
  const g = await s.db.generation.create({
    data: {
      ownerId,
      teamId,
      mode: "TEXT",
      model: "viduq1-text",
      prompt: "signed media clip",
      params: { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
      idemKey: randomUUID(),
      paramsHash: "signed-media",
      upstreamRequestId: randomUUID(),
      status: "STORED",
      costFen: 250,
      finishedAt: new Date(),
    },
  });
  const store = createStorage({ driver: "local", rootDir: path.join(s.dataDir, "media") });
  for (const [file, bytes, kind, mime] of [
    ["video.mp4", video, "VIDEO", "video/mp4"],
    ["poster.jpg", poster, "POSTER", "image/jpeg"],
  ] as const) {
    const key = `clips/${g.id}/${file}`;
    const put = await store.put(key, bytes, { contentType: mime });
    await s.db.asset.create({ data: { generationId: g.id, kind, storageKey: key, mime, bytes: put.bytes, sha256: put.sha256 } });
  }
  return { id: g.id };
}

describe.each(providers())("signed media URLs on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let bob: StudioUser;
  let teamId: string;
  let teamClip: Clip;
  let aliceOnly: Clip;
  let queries = 0;

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@signed.test");
    bob = await s.user("bob@signed.test");
    const team = await s.db.team.create({ data: { name: "Signed", memberships: { create: [{ userId: alice.id, role: "OWNER" }, { userId: bob.id, role: "MEMBER" }] } } });
    teamId = team.id;
    teamClip = await storedClip(s, alice.id, teamId);
    aliceOnly = await storedClip(s, alice.id, null);
    // Every query any handler makes goes through this client: the count is what "no database read" means.
    holder.framehouseDb = s.db.$extends({
      query: {
        $allOperations({ args, query }) {
          queries++;
          return query(args);
        },
      },
    }) as unknown as Db;
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => s?.drop());

  async function view(user: StudioUser, id: string): Promise<{ status: number; body: GenerationView }> {
    const res = await s.routes.generation.GET(getRequest(user, `/api/generations/${id}`), ctx({ id }));
    return { status: res.status, body: (await res.json()) as GenerationView };
  }

  /** What the player does: a plain GET of the URL (no cookie needed), optionally one Range. */
  const fetchSigned = (url: string, headers: Record<string, string> = {}, method = "GET") => s.routes.signedMedia.GET(getRequest(null, url, headers, { method }));

  async function errorCode(res: Response): Promise<string> {
    const body = (await res.json()) as { error: { code: string; messages: Record<string, string> } };
    expect(body.error.messages.en).toBeTruthy();
    expect(body.error.messages["zh-CN"]).toBeTruthy();
    return body.error.code;
  }

  it("a page view authorizes once (database reads); the player's Range requests then read nothing", async () => {
    queries = 0;
    const { status, body } = await view(bob, teamClip.id);
    expect(status).toBe(200);
    expect(queries).toBeGreaterThan(0); // the counter sees the page view's session, roles and clip reads
    const url = body.media.video!.url;
    expect(url).toMatch(new RegExp(`^/api/media/signed/clips/${teamClip.id}/video\\.mp4\\?e=\\d+&a=u\\.${bob.id}&s=`));

    queries = 0;
    for (let i = 0; i < 25; i++) {
      const start = i * 1_900;
      const res = await fetchSigned(url, { range: `bytes=${start}-${start + 999}` });
      expect(res.status).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes ${start}-${start + 999}/${video.length}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(video.subarray(start, start + 1000))).toBe(true);
    }
    const whole = await fetchSigned(url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);
    expect((await fetchSigned(url, {}, "HEAD")).status).toBe(200);
    const p = await fetchSigned(body.media.poster!.url);
    expect(Buffer.from(await p.arrayBuffer()).equals(poster)).toBe(true);
    expect(queries).toBe(0);

    // The media threat model's headers, as on the authorizing routes.
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(p.headers.get("content-type")).toBe("image/jpeg");
    expect(whole.headers.get("content-security-policy")).toContain("sandbox");
    expect(whole.headers.get("x-content-type-options")).toBe("nosniff");
    expect(whole.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(whole.headers.get("cache-control")).toBe("private, max-age=300");
    expect(whole.headers.get("content-disposition")).toBe("inline");
  });

  it("a URL opens exactly its own object: path swaps, edits and foreign signatures are 403 media_url_invalid", async () => {
    const { body } = await view(bob, teamClip.id);
    const url = body.media.video!.url;
    const posterUrl = body.media.poster!.url;
    const cases = [
      url.replace(teamClip.id, aliceOnly.id), // another clip, which bob may not see
      url.replace("video.mp4", "poster.jpg"), // another object of the same clip
      `${url.slice(0, url.indexOf("?"))}${posterUrl.slice(posterUrl.indexOf("?"))}`, // the poster's query on the video
      url.replace(/e=(\d+)/, (_m, e: string) => `e=${Number(e) + 86_400}`), // a longer life
      url.replace(`a=u.${bob.id}`, `a=u.${alice.id}`), // another audience
      url.replace(/&s=.*/, ""), // unsigned
      url.replace(`clips/${teamClip.id}/`, `clips%2F${teamClip.id}/`), // an encoded separator: not a key
    ];
    for (const bad of cases) {
      const res = await fetchSigned(bad, { range: "bytes=0-9" });
      expect(res.status, bad).toBe(403);
      expect(await errorCode(res), bad).toBe("media_url_invalid");
    }
  });

  it("revoking a membership stops the next page view; issued URLs work until they expire (then 410)", async () => {
    const { body } = await view(bob, teamClip.id);
    const url = body.media.video!.url;
    const expires = Number(/e=(\d+)/.exec(url)![1]);
    await s.db.membership.deleteMany({ where: { teamId, userId: bob.id } });
    expect((await view(bob, teamClip.id)).status).toBe(404);
    // Already issued: lives out its minutes (the documented window), no longer.
    expect((await fetchSigned(url, { range: "bytes=0-9" })).status).toBe(206);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(expires * 1000 + 999);
    expect((await fetchSigned(url, { range: "bytes=0-9" })).status).toBe(206);
    vi.setSystemTime((expires + 1) * 1000);
    const expired = await fetchSigned(url, { range: "bytes=0-9" });
    expect(expired.status).toBe(410);
    expect(await errorCode(expired)).toBe("media_url_expired");
    vi.useRealTimers();
    await s.db.membership.create({ data: { teamId, userId: bob.id, role: "MEMBER" } });
  });

  it("a share page gets URLs for exactly its clip; revoking the link stops the next page load", async () => {
    const { loadSharedClip } = await import("@/lib/server/share/resolve");
    const { newLinkToken, linkTokenHash } = await import("@/lib/server/link-token");
    const token = newLinkToken();
    const link = await s.db.shareLink.create({ data: { generationId: aliceOnly.id, createdById: alice.id, tokenHash: linkTokenHash(token) } });
    const page = await loadSharedClip(s.db, token);
    expect(page?.videoUrl).toMatch(new RegExp(`^/api/media/signed/clips/${aliceOnly.id}/video\\.mp4\\?e=\\d+&a=s\\.${link.id}&s=`));
    queries = 0;
    const res = await fetchSigned(page!.videoUrl, { range: "bytes=100-199" });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);
    expect(queries).toBe(0);
    expect((await fetchSigned(page!.videoUrl.replace(aliceOnly.id, teamClip.id))).status).toBe(403);
    await s.db.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    expect(await loadSharedClip(s.db, token)).toBeNull();
    expect((await fetchSigned(page!.videoUrl, { range: "bytes=0-9" })).status).toBe(206); // until its expiry
  });
});

// The production entry point answers signed media URLs before Next (scripts/lib/request-listener.mjs +
// lib/server/media-access/signed-media-node.ts). It must send what Next would have sent for the route:
// the route handler's status, headers and bytes, plus next.config.mjs's media headers, which Next keeps
// over a route's header of the same name (the signed-media entry sets Referrer-Policy: no-referrer).
describe("the signed-media fast path in front of Next", () => {
  let s: Studio;
  let server: http.Server;
  let origin = "";
  let fellThrough: string[] = [];
  afterAll(async () => {
    const { publishMediaFastPath } = await import("@/lib/shared/media-fast-path");
    publishMediaFastPath(undefined);
    await new Promise((r) => server?.close(r));
    await s?.drop();
  });

  const IGNORED = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
  const headerMap = (h: Headers) => Object.fromEntries([...h].filter(([k]) => !IGNORED.has(k)));

  /** What Next sends for the route handler's Response: its config headers first, then the route's others. */
  function asNextSendsIt(route: Response): Record<string, string> {
    const config: Record<string, string> = Object.fromEntries(MEDIA_BASELINE_HEADERS.map((h) => [h.key.toLowerCase(), h.value]));
    config["referrer-policy"] = "no-referrer";
    return { ...headerMap(route.headers), ...config };
  }

  it("answers valid URLs with the route's status, headers and bytes; refusals and other paths reach Next", async () => {
    s = await setupStudio("sqlite");
    const dana = await s.user("dana@signed.test");
    const clip = await storedClip(s, dana.id, null);
    const res = await s.routes.generation.GET(getRequest(dana, `/api/generations/${clip.id}`), ctx({ id: clip.id }));
    const url = ((await res.json()) as GenerationView).media.video!.url;

    const { requestListener } = await import("../../scripts/lib/request-listener.mjs");
    const { requestGate } = await import("@/lib/shared/request-gate");
    const { signedMediaNode } = await import("@/lib/server/media-access/signed-media-node");
    const { storage } = await import("@/lib/server/storage/instance");
    const { mediaUrlKey } = await import("@/lib/server/media-access/media-url-key");
    // Published and looked up as instrumentation.ts and scripts/server.mjs do.
    const { mediaFastPath, publishMediaFastPath } = await import("@/lib/shared/media-fast-path");
    publishMediaFastPath(signedMediaNode(storage, mediaUrlKey));
    const listener = requestListener({
      handle: (req, res) => {
        fellThrough.push(req.url ?? "");
        res.writeHead(418).end();
      },
      gate: requestGate({}),
      mediaFastPath,
      trustProxy: false,
    });
    server = http.createServer(listener);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const whole = await s.routes.signedMedia.GET(getRequest(null, url));
    const etag = whole.headers.get("etag")!;
    const cases: [string, Record<string, string>, string][] = [
      ["a range", { range: "bytes=1000-41999" }, "GET"],
      ["the whole object", {}, "GET"],
      ["an open-ended range", { range: "bytes=49000-" }, "GET"],
      ["HEAD", {}, "HEAD"],
      ["a revalidation", { "if-none-match": etag }, "GET"],
      ["an unsatisfiable range", { range: "bytes=60000-60001" }, "GET"],
      ["a range under a stale If-Range", { range: "bytes=0-9", "if-range": '"stale"' }, "GET"],
    ];
    for (const [label, headers, method] of cases) {
      const route = await s.routes.signedMedia.GET(getRequest(null, url, headers, { method }));
      const got = await fetch(origin + url, { headers, method });
      expect(got.status, label).toBe(route.status);
      expect(headerMap(got.headers), label).toEqual(asNextSendsIt(route));
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(await route.arrayBuffer())), label).toBe(true);
    }
    expect(fellThrough).toEqual([]);
    // Local disk: the answer is planned from the opened file's own stat, with no look-up by name before it.
    const byName = vi.spyOn(storage(), "stat");
    try {
      expect((await fetch(origin + url, { headers: { range: "bytes=0-9" } })).status).toBe(206);
      expect(byName).not.toHaveBeenCalled();
    } finally {
      byName.mockRestore();
    }

    // Everything the fast path does not answer goes to Next untouched: refusals get their coded,
    // bilingual JSON errors from the route (tested above), other paths their own handlers.
    const refused = [url.replace("video.mp4", "poster.jpg"), url.replace(/&s=.*/, ""), url.replace(/e=(\d+)/, "e=1000000000")];
    const others = ["/api/health", `/api/generations/${clip.id}`];
    for (const u of [...refused, ...others]) expect((await fetch(origin + u)).status, u).toBe(418);
    expect((await fetch(origin + url, { method: "POST" })).status).toBe(418);
    expect(fellThrough).toEqual([...refused, ...others, url]);

    // A deleted object: nothing is written, and the route answers its 404. Deleted through the store, as
    // the app deletes (a file removed behind its back is served for up to a second more:
    // storage-local-open-files.test.ts).
    fellThrough = [];
    await storage().delete(`clips/${clip.id}/video.mp4`);
    expect(fs.existsSync(path.join(s.dataDir, "media", "clips", clip.id, "video.mp4"))).toBe(false);
    expect((await fetch(origin + url, { headers: { range: "bytes=0-9" } })).status).toBe(418);
    expect(fellThrough).toEqual([url]);
  });

  // Local media goes out through reused buffers (media/send-pooled-range.ts): a buffer handed back while
  // a socket still held its bytes would show up here as another response's bytes in this one.
  it("serves many concurrent and abandoned ranges of a multi-buffer object byte for byte, and closes every file", async () => {
    const dana = await s.user("dana-pooled@signed.test");
    const clip = await storedClip(s, dana.id, null);
    const file = path.join(s.dataDir, "media", "clips", clip.id, "video.mp4");
    const bytes = Buffer.alloc(5 * 512 * 1024 + 12_345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 9)) % 251;
    fs.writeFileSync(file, bytes);
    const res = await s.routes.generation.GET(getRequest(dana, `/api/generations/${clip.id}`), ctx({ id: clip.id }));
    const url = ((await res.json()) as GenerationView).media.video!.url;
    // Clients that go away mid-body (a seek cancels the previous range).
    for (let i = 0; i < 6; i++) {
      const aborted = new AbortController();
      const got = await fetch(origin + url, { signal: aborted.signal });
      const reader = got.body!.getReader();
      await reader.read();
      aborted.abort();
      await reader.read().catch(() => undefined);
    }
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const ranges = Array.from({ length: 40 }, (_, i) => {
      const start = next(bytes.length);
      if (i % 8 === 0) return { header: `bytes=${start}-`, start, end: bytes.length - 1 };
      const end = Math.min(bytes.length - 1, start + next(3 * 512 * 1024));
      return { header: `bytes=${start}-${end}`, start, end };
    });
    const answers = await Promise.all([
      ...ranges.map(async (r) => {
        const got = await fetch(origin + url, { headers: { range: r.header } });
        return { ...r, status: got.status, body: Buffer.from(await got.arrayBuffer()) };
      }),
      fetch(origin + url).then(async (got) => ({ header: "whole", start: 0, end: bytes.length - 1, status: got.status, body: Buffer.from(await got.arrayBuffer()) })),
    ]);
    for (const a of answers) {
      expect(a.status, a.header).toBe(a.header === "whole" ? 200 : 206);
      expect(a.body.equals(bytes.subarray(a.start, a.end + 1)), a.header).toBe(true);
    }
    expect(fellThrough.filter((u) => u === url)).toEqual([]);
    await waitFor("every response closed its file", async () => openDescriptorsOn(file) === 0, 10_000);
  });

  // A seeking player waits for the head of the answer; it goes out before the range's first read, which
  // queues in libuv's thread pool behind the other players' reads (nginx, too, sends its head first).
  it("sends a range's head before the first read of its bytes has returned", async () => {
    const erin = await s.user("erin-head@signed.test");
    const clip = await storedClip(s, erin.id, null);
    const res = await s.routes.generation.GET(getRequest(erin, `/api/generations/${clip.id}`), ctx({ id: clip.id }));
    const url = ((await res.json()) as GenerationView).media.video!.url;
    const { storage } = await import("@/lib/server/storage/instance");
    const store = storage();
    const openRead = store.openRead!.bind(store);
    let reads = 0;
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const spy = vi.spyOn(store, "openRead").mockImplementation(async (key) => {
      const handle = await openRead(key);
      return {
        stat: handle.stat,
        read: async (into, length, position) => {
          reads++;
          await held;
          return handle.read(into, length, position);
        },
        close: () => handle.close(),
      };
    });
    try {
      let arrived: http.IncomingMessage | undefined;
      let failed: Error | undefined;
      http.get(origin + url, { headers: { range: "bytes=100-4099" } }, (r) => (arrived = r)).on("error", (e) => (failed = e));
      const head = await waitFor(
        "the head while the first read is held",
        () => {
          if (failed) throw failed;
          return Promise.resolve(arrived);
        },
        30_000,
      );
      expect(head.statusCode).toBe(206);
      expect(head.headers["content-length"]).toBe("4000");
      expect(head.headers["content-range"]).toBe(`bytes 100-4099/${video.length}`);
      expect(reads).toBe(1); // the read had started and not returned when the head arrived
      release();
      const body: Buffer[] = [];
      for await (const chunk of head) body.push(chunk as Buffer);
      expect(Buffer.concat(body).equals(video.subarray(100, 4100))).toBe(true);
    } finally {
      release();
      spy.mockRestore();
    }
  });
});

describe("signed media URLs in nginx's form (MEDIA_URL_SIGNING=nginx-md5)", () => {
  let s: Studio;
  afterAll(async () => s?.drop());

  it("the app's route accepts exactly what the app issues in that form", async () => {
    s = await setupStudio("sqlite", { MEDIA_URL_SIGNING: "nginx-md5", MEDIA_URL_SECRET: "nginx-secret-nginx-secret-nginx-secret-0123" });
    const carol = await s.user("carol@signed.test");
    const clip = await storedClip(s, carol.id, null);
    const res = await s.routes.generation.GET(getRequest(carol, `/api/generations/${clip.id}`), ctx({ id: clip.id }));
    const url = ((await res.json()) as GenerationView).media.video!.url;
    expect(url).toMatch(/&s=[\w-]{22}$/); // base64url of an MD5, as secure_link expects
    expect((await s.routes.signedMedia.GET(getRequest(null, url, { range: "bytes=0-9" }))).status).toBe(206);
    expect((await s.routes.signedMedia.GET(getRequest(null, url.replace(/&s=.*/, "&s=AAAAAAAAAAAAAAAAAAAAAA")))).status).toBe(403);
  });
});
