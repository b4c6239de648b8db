// MEDIA_ACCEL_REDIRECT_PREFIX (local storage behind nginx): the media routes authorize exactly as
// without it — owner, team roles read from the DB on every request, share links resolved on every
// request — and then answer an empty 200 with X-Accel-Redirect and the headers nginx keeps, instead
// of streaming the bytes. Also: the session's decoded-token cache never delays a disable or a
// role change (the user row and the memberships are still read on every request).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedShareLink } from "@/lib/shared/share-link-views";
import { jsonRequest, sessionCookie } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

const PREFIX = "/_protected_media/";
const VIDEO = Buffer.from(Array.from({ length: 5_000 }, (_, i) => i % 253));
const CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

async function modules() {
  return {
    media: await import("@/app/api/media/[generationId]/[file]/route"),
    shared: await import("@/app/api/s/[token]/[file]/route"),
    links: await import("@/app/api/generations/[id]/share-links/route"),
    link: await import("@/app/api/share-links/[linkId]/route"),
    storage: (await import("@/lib/server/storage/instance")).storage,
    session: await import("@/lib/server/auth/session"),
  };
}

describe.each(providers())("media routes with MEDIA_ACCEL_REDIRECT_PREFIX on %s", (kind) => {
  let s: Studio;
  let m: Awaited<ReturnType<typeof modules>>;
  let alice: StudioUser;
  let bob: StudioUser;
  let viewer: StudioUser;
  let teamId: string;
  let personal: string;
  let teamClip: string;
  let ip = 0;

  async function clip(ownerId: string, team: string | null, prompt: string): Promise<string> {
    const g = await s.db.generation.create({
      data: {
        ownerId,
        teamId: team,
        mode: "TEXT",
        model: "viduq1-text",
        prompt,
        params: { aspectRatio: "16:9", movementAmplitude: "auto" },
        idemKey: randomUUID(),
        paramsHash: "x",
        upstreamRequestId: randomUUID(),
        status: "STORED",
      },
    });
    const key = `clips/${g.id}/video.mp4`;
    const put = await m.storage().put(key, VIDEO, { contentType: "video/mp4" });
    await s.db.asset.create({ data: { generationId: g.id, kind: "VIDEO", storageKey: key, mime: "video/mp4", bytes: put.bytes, sha256: put.sha256 } });
    return g.id;
  }

  const get = (user: StudioUser | null, id: string, file = "video.mp4", query = "", headers: Record<string, string> = {}, method = "GET") =>
    m.media.GET(getRequest(user, `/api/media/${id}/${file}${query}`, headers, { method }), ctx({ generationId: id, file }));
  const shared = (token: string, query = "", file = "video.mp4") =>
    m.shared.GET(getRequest(null, `/api/s/${token}/${file}${query}`, { "x-framehouse-client-ip": `203.0.113.${++ip}` }), ctx({ token, file }));

  beforeAll(async () => {
    s = await setupStudio(kind, { MEDIA_ACCEL_REDIRECT_PREFIX: PREFIX });
    m = await modules();
    alice = await s.user(`alice-accel-${kind}@example.test`);
    bob = await s.user(`bob-accel-${kind}@example.test`);
    viewer = await s.user(`viewer-accel-${kind}@example.test`);
    teamId = (await s.db.team.create({ data: { name: "Accel team", memberships: { create: [{ userId: alice.id, role: "OWNER" }, { userId: viewer.id, role: "VIEWER" }] } } })).id;
    personal = await clip(alice.id, null, "Sunset over Lake Tahoe — 夕阳");
    teamClip = await clip(alice.id, teamId, "Team clip");
  });
  afterAll(async () => {
    delete process.env.MEDIA_ACCEL_REDIRECT_PREFIX;
    await s?.drop();
  });

  it("answers an empty 200 with X-Accel-Redirect, type, disposition, caching, CSP and nosniff (Range is left to nginx)", async () => {
    const res = await get(alice, personal, "video.mp4", "", { range: "bytes=0-99" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-accel-redirect")).toBe(`${PREFIX}clips/${personal}/video.mp4`);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-range")).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    const head = await get(alice, personal, "video.mp4", "", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("x-accel-redirect")).toBe(`${PREFIX}clips/${personal}/video.mp4`);
  });

  it("?download=1 → attachment with the clip's download name; team viewers too", async () => {
    const res = await get(alice, personal, "video.mp4", "?download=1");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="framehouse-\d{4}-\d{2}-\d{2}-sunset-over-lake-tahoe-/);
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''framehouse-");
    const v = await get(viewer, teamClip, "video.mp4", "?download=1");
    expect(v.status).toBe(200);
    expect(v.headers.get("x-accel-redirect")).toBe(`${PREFIX}clips/${teamClip}/video.mp4`);
  });

  it("still 404 for a foreign clip, a deleted clip, a missing asset; 401 signed out — and never an X-Accel-Redirect", async () => {
    const cases: [StudioUser | null, string, string, number][] = [
      [bob, personal, "video.mp4", 404],
      [bob, teamClip, "video.mp4", 404],
      [alice, personal, "poster.jpg", 404], // no Asset row
      [alice, "nope", "video.mp4", 404],
      [null, personal, "video.mp4", 401],
    ];
    for (const [u, id, file, status] of cases) {
      const res = await get(u, id, file);
      expect(res.status, `${u?.id ?? "anon"} ${id} ${file}`).toBe(status);
      expect(res.headers.get("x-accel-redirect")).toBeNull();
    }
    const gone = await clip(alice.id, null, "deleted");
    await s.db.generation.update({ where: { id: gone }, data: { deletedAt: new Date() } });
    const res = await get(alice, gone);
    expect(res.status).toBe(404);
    expect(res.headers.get("x-accel-redirect")).toBeNull();
  });

  it("a removed team member or a disabled user is refused on the very next request (decoded-token cache included)", async () => {
    const temp = await s.user(`temp-accel-${kind}@example.test`);
    await s.db.membership.create({ data: { teamId, userId: temp.id, role: "MEMBER" } });
    expect((await get(temp, teamClip)).status).toBe(200);
    await s.db.membership.delete({ where: { teamId_userId: { teamId, userId: temp.id } } });
    expect((await get(temp, teamClip)).status).toBe(404);
    expect((await get(alice, personal)).status).toBe(200);
    await s.db.user.update({ where: { id: alice.id }, data: { disabledAt: new Date() } });
    try {
      const res = await get(alice, personal);
      expect(res.status).toBe(401);
      expect(res.headers.get("x-accel-redirect")).toBeNull();
    } finally {
      await s.db.user.update({ where: { id: alice.id }, data: { disabledAt: null } });
    }
    expect((await get(alice, personal)).status).toBe(200);
  });

  it("the decoded-token cache is bounded and never accepts a garbage token", async () => {
    expect(await m.session.actorFromCookieHeader("next-auth.session-token=not-a-jwt", s.db)).toBeNull();
    for (let i = 0; i < 1_050; i++) {
      const cookie = await sessionCookie(s.db, bob.id); // a fresh token each time (new IV)
      expect((await m.session.actorFromCookieHeader(cookie, s.db))?.id).toBe(bob.id);
    }
    expect(m.session.decodedTokenCacheSize()).toBeLessThanOrEqual(1_000);
  });

  it("share links: the same fast path, 404 once revoked, downloads only when allowed", async () => {
    const r = await m.links.POST(
      jsonRequest(`/api/generations/${personal}/share-links`, "POST", { allowDownload: false }, { cookie: alice.cookie, origin: "http://localhost:3000" }),
      ctx({ id: personal }),
    );
    expect(r.status).toBe(201);
    const link = (await r.json()) as CreatedShareLink;
    const ok = await shared(link.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-accel-redirect")).toBe(`${PREFIX}clips/${personal}/video.mp4`);
    expect(ok.headers.get("cache-control")).toBe("private, no-cache");
    expect(ok.headers.get("content-security-policy")).toBe(CSP);
    expect(ok.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect((await ok.arrayBuffer()).byteLength).toBe(0);
    const dl = await shared(link.token, "?download=1");
    expect(dl.status).toBe(404);
    expect(dl.headers.get("x-accel-redirect")).toBeNull();
    const del = await m.link.DELETE(
      jsonRequest(`/api/share-links/${link.link.id}`, "DELETE", undefined, { cookie: alice.cookie, origin: "http://localhost:3000" }),
      ctx({ linkId: link.link.id }),
    );
    expect(del.status).toBe(200);
    const revoked = await shared(link.token);
    expect(revoked.status).toBe(404);
    expect(revoked.headers.get("x-accel-redirect")).toBeNull();
  });
});
