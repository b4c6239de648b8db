// Share links end to end on a real database and real local storage: token format and hash-only
// storage, create/list/revoke permissions (owner, team roles, outsiders), page resolution and view
// counting, media through the token with Range/304/416, download permission, headers, revocation
// and expiry taking effect on the next request, audit events, and the per-IP rate limit.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedShareLink, ShareLinkView } from "@/lib/shared/share-link-views";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

async function shareModules() {
  return {
    links: await import("@/app/api/generations/[id]/share-links/route"),
    link: await import("@/app/api/share-links/[linkId]/route"),
    media: await import("@/app/api/s/[token]/[file]/route"),
    resolve: await import("@/lib/server/share/resolve"),
    storage: (await import("@/lib/server/storage/instance")).storage,
  };
}

const VIDEO = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7) % 256));
const POSTER = Buffer.from("poster-bytes-not-really-a-jpeg");
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

describe.each(providers())("share links on %s", (kind) => {
  let s: Studio;
  let m: Awaited<ReturnType<typeof shareModules>>;
  let alice: StudioUser; // personal clips
  let bob: StudioUser; // outsider
  let owner: StudioUser;
  let admin: StudioUser;
  let member: StudioUser;
  let member2: StudioUser;
  let viewer: StudioUser;
  let teamId: string;
  let ipSeq = 0;
  const freshIp = () => `198.51.100.${++ipSeq}`;

  async function clip(ownerId: string, team: string | null, status: "STORED" | "PROCESSING" = "STORED", prompt = "A paper boat on a rainy street") {
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
        status,
        width: 1920,
        height: 1080,
        durationMs: 5000,
      },
    });
    if (status === "STORED") {
      for (const [file, bytes, k, mime] of [
        ["video.mp4", VIDEO, "VIDEO", "video/mp4"],
        ["poster.jpg", POSTER, "POSTER", "image/jpeg"],
      ] as const) {
        const key = `clips/${g.id}/${file}`;
        const put = await m.storage().put(key, bytes, { contentType: mime });
        await s.db.asset.create({ data: { generationId: g.id, kind: k, storageKey: key, mime, bytes: put.bytes, sha256: put.sha256 } });
      }
    }
    return g.id;
  }

  const create = (u: StudioUser, id: string, body: unknown = {}) =>
    m.links.POST(jsonRequest(`/api/generations/${id}/share-links`, "POST", body, { cookie: u.cookie, origin: "http://localhost:3000" }), ctx({ id }));
  const list = (u: StudioUser, id: string) => m.links.GET(getRequest(u, `/api/generations/${id}/share-links`), ctx({ id }));
  const revoke = (u: StudioUser, linkId: string) =>
    m.link.DELETE(jsonRequest(`/api/share-links/${linkId}`, "DELETE", undefined, { cookie: u.cookie, origin: "http://localhost:3000" }), ctx({ linkId }));
  const media = (token: string, file: string, headers: Record<string, string> = {}, query = "", method = "GET") =>
    m.media.GET(
      getRequest(null, `/api/s/${token}/${file}${query}`, { "x-framehouse-client-ip": freshIp(), ...headers }, { method }),
      ctx({ token, file }),
    );
  /** Status of a response whose body the test does not need (closes the file handle). */
  async function code(p: Promise<Response>): Promise<number> {
    const r = await p;
    await r.body?.cancel();
    return r.status;
  }
  async function created(u: StudioUser, id: string, body: unknown = {}): Promise<CreatedShareLink> {
    const r = await create(u, id, body);
    expect(r.status, await r.clone().text()).toBe(201);
    return (await r.json()) as CreatedShareLink;
  }

  beforeAll(async () => {
    s = await setupStudio(kind);
    m = await shareModules();
    alice = await s.user(`alice-s-${kind}@example.test`);
    bob = await s.user(`bob-s-${kind}@example.test`);
    owner = await s.user(`owner-s-${kind}@example.test`);
    admin = await s.user(`admin-s-${kind}@example.test`);
    member = await s.user(`member-s-${kind}@example.test`);
    member2 = await s.user(`member2-s-${kind}@example.test`);
    viewer = await s.user(`viewer-s-${kind}@example.test`);
    await s.db.user.update({ where: { id: member.id }, data: { name: "Mia Member" } });
    const team = await s.db.team.create({ data: { name: "Studio A" } });
    teamId = team.id;
    for (const [u, role] of [
      [owner, "OWNER"],
      [admin, "ADMIN"],
      [member, "MEMBER"],
      [member2, "MEMBER"],
      [viewer, "VIEWER"],
    ] as const) {
      await s.db.membership.create({ data: { teamId, userId: u.id, role } });
    }
  });
  afterAll(async () => s?.drop());

  it("the link uses the address the browser used, not the bind address (HOST=0.0.0.0)", async () => {
    const id = await clip(alice.id, null);
    const viaLan = new Request("http://0.0.0.0:3000/api/generations/x/share-links", {
      method: "POST",
      headers: { "content-type": "application/json", host: "studio.lan:3000", origin: "http://studio.lan:3000", cookie: alice.cookie },
      body: "{}",
    });
    const res = await m.links.POST(viaLan, ctx({ id }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as CreatedShareLink).url).toMatch(/^http:\/\/studio\.lan:3000\/s\/[A-Za-z0-9_-]{43}$/);
  });

  it("creates a 256-bit base64url token, returns it once, and stores only its sha256", async () => {
    const id = await clip(alice.id, null);
    const a = await created(alice, id);
    const b = await created(alice, id);
    expect(a.token).toMatch(TOKEN_RE);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.url).toBe(`http://localhost:3000/s/${a.token}`);
    expect(a.link).toMatchObject({ generationId: id, allowDownload: false, showPrompt: true, views: 0, status: "active", expiresAt: null });
    const row = await s.db.shareLink.findUniqueOrThrow({ where: { id: a.link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(a.token).digest("hex"));
    // The token itself appears in no stored row: links, audit events.
    const everything = JSON.stringify([await s.db.shareLink.findMany(), await s.db.auditEvent.findMany()]);
    expect(everything).not.toContain(a.token);
    expect(everything).not.toContain(b.token);
    // ... and never again in a list answer.
    const listed = await (await list(alice, id)).text();
    expect(listed).not.toContain(a.token);
    expect(listed).toContain(a.link.id);
  });

  it("validates the options: expiry 1 hour to 365 days (or null = never), booleans", async () => {
    const id = await clip(alice.id, null);
    for (const body of [{ expiresInHours: 0 }, { expiresInHours: 8761 }, { expiresInHours: 1.5 }, { expiresInHours: "24" }, { allowDownload: "yes" }, { extra: 1 }]) {
      const r = await create(alice, id, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
    }
    const bad = (await (await create(alice, id, { expiresInHours: 0 })).json()) as { error: { fields: { path: string; key: string }[] } };
    expect(bad.error.fields[0]).toMatchObject({ path: "expiresInHours", key: "errors.field.share_expiry" });
    const year = await created(alice, id, { expiresInHours: 8760, allowDownload: true, showPrompt: false });
    expect(Date.parse(year.link.expiresAt!) - Date.now()).toBeGreaterThan(8759 * 3_600_000);
    expect(year.link).toMatchObject({ allowDownload: true, showPrompt: false });
    expect((await created(alice, id, { expiresInHours: null })).link.expiresAt).toBeNull();
  });

  it("a clip that is not stored yet is 409 share_not_ready; a deleted or foreign clip is 404", async () => {
    const running = await clip(alice.id, null, "PROCESSING");
    const r = await create(alice, running);
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("share_not_ready");
    const gone = await clip(alice.id, null);
    await s.db.generation.update({ where: { id: gone }, data: { deletedAt: new Date() } });
    expect((await create(alice, gone)).status).toBe(404);
    expect((await list(alice, gone)).status).toBe(404);
    const mine = await clip(alice.id, null);
    expect((await create(bob, mine)).status).toBe(404);
    expect((await list(bob, mine)).status).toBe(404);
    expect((await create(alice, "no-such-clip")).status).toBe(404);
  });

  it("team clips: members share their own, admins and owners any; teammates without the right get 403, outsiders 404", async () => {
    const membersClip = await clip(member.id, teamId);
    await created(member, membersClip);
    await created(admin, membersClip);
    await created(owner, membersClip);
    // Teammates see the clip but may not share it: 403 (the UI can say why); outsiders: 404.
    for (const u of [member2, viewer]) {
      expect((await create(u, membersClip)).status, u.id).toBe(403);
      expect((await list(u, membersClip)).status, u.id).toBe(403);
    }
    for (const u of [bob, alice]) {
      expect((await create(u, membersClip)).status, u.id).toBe(404);
      expect((await list(u, membersClip)).status, u.id).toBe(404);
    }
    const viewersOwn = await clip(viewer.id, teamId); // a viewer's clip from before a demotion
    expect((await create(viewer, viewersOwn)).status).toBe(403);
    // Revoke follows the same rule.
    const link = await created(member, membersClip);
    for (const u of [member2, viewer]) expect((await revoke(u, link.link.id)).status, u.id).toBe(403);
    expect((await revoke(bob, link.link.id)).status).toBe(404);
    const r = await revoke(admin, link.link.id);
    expect(r.status).toBe(200);
    expect(((await r.json()) as ShareLinkView).status).toBe("revoked");
    // Demotion bites on the next request: the member becomes a viewer and can no longer share.
    await s.db.membership.update({ where: { teamId_userId: { teamId, userId: member.id } }, data: { role: "VIEWER" } });
    expect((await create(member, membersClip)).status).toBe(403);
    await s.db.membership.update({ where: { teamId_userId: { teamId, userId: member.id } }, data: { role: "MEMBER" } });
  });

  it("lists a clip's links with creator, status, views and no token; revoke is idempotent", async () => {
    const id = await clip(member.id, teamId);
    const a = await created(member, id, { expiresInHours: 24, allowDownload: true });
    const b = await created(member, id);
    await s.db.shareLink.update({ where: { id: b.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const first = await revoke(member, a.link.id);
    const again = await revoke(member, a.link.id);
    expect(again.status).toBe(200);
    expect(((await again.json()) as ShareLinkView).revokedAt).toBe(((await first.json()) as ShareLinkView).revokedAt);
    const items = ((await (await list(member, id)).json()) as { items: ShareLinkView[] }).items;
    expect(items.map((i) => i.id)).toEqual([b.link.id, a.link.id]);
    expect(items[0]).toMatchObject({ status: "expired", createdBy: { id: member.id, name: "Mia Member" }, views: 0, lastViewedAt: null });
    expect(items[1]).toMatchObject({ status: "revoked", allowDownload: true });
    expect(Object.keys(items[0]!).sort()).toEqual(
      ["allowDownload", "createdAt", "createdBy", "expiresAt", "filmExportId", "generationId", "id", "lastViewedAt", "revokedAt", "showPrompt", "status", "views"].sort(),
    );
    expect((await revoke(member, "no-such-link")).status).toBe(404);
  });

  it("writes share.create and share.revoke audit events (team id, or null for personal clips), one per change", async () => {
    const teamClip = await clip(member.id, teamId);
    const link = await created(member, teamClip, { expiresInHours: 48, allowDownload: true });
    await revoke(member, link.link.id);
    await revoke(member, link.link.id);
    const events = await s.db.auditEvent.findMany({ where: { targetId: link.link.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["share.create", "share.revoke"]);
    for (const e of events) {
      expect(e).toMatchObject({ teamId, actorId: member.id, targetType: "share" });
      expect(e.data).toMatchObject({ generationId: teamClip, expiresAt: link.link.expiresAt, allowDownload: true });
    }
    const personal = await clip(alice.id, null);
    const p = await created(alice, personal);
    const pe = await s.db.auditEvent.findFirstOrThrow({ where: { targetId: p.link.id } });
    expect(pe).toMatchObject({ teamId: null, actorId: alice.id, action: "share.create" });
    expect(pe.data).toMatchObject({ generationId: personal, expiresAt: null, allowDownload: false });
  });

  it("page resolution counts one view per load (not per media request) and hides the prompt on request", async () => {
    const id = await clip(alice.id, null, "STORED", "夕阳下的纸船 / paper boat at sunset");
    const shown = await created(alice, id, { allowDownload: true });
    const hidden = await created(alice, id, { showPrompt: false });
    const view = await m.resolve.loadSharedClip(s.db, shown.token);
    expect(view).toMatchObject({
      mode: "text",
      aspectRatio: "16:9",
      prompt: "夕阳下的纸船 / paper boat at sunset",
      downloadUrl: `/api/s/${shown.token}/video.mp4?download=1`,
    });
    // Signed for exactly this clip's objects, issued to this link.
    expect(view?.videoUrl).toMatch(new RegExp(`^/api/media/signed/clips/${id}/video\\.mp4\\?e=\\d+&a=s\\.${shown.link.id}&s=[\\w-]+$`));
    expect(view?.posterUrl).toMatch(new RegExp(`^/api/media/signed/clips/${id}/poster\\.jpg\\?e=\\d+&a=s\\.${shown.link.id}&s=[\\w-]+$`));
    expect(JSON.stringify(view)).not.toContain(alice.id);
    const { videoUrl, posterUrl, ...rest } = view!;
    expect(JSON.stringify(rest)).not.toContain(id);
    expect([videoUrl, posterUrl]).toHaveLength(2);
    const h = await m.resolve.loadSharedClip(s.db, hidden.token);
    expect(h?.prompt).toBeNull();
    expect(h?.downloadUrl).toBeNull();
    await m.resolve.loadSharedClip(s.db, shown.token);
    for (let i = 0; i < 5; i++) expect(await code(media(shown.token, "video.mp4", { range: `bytes=${i * 100}-${i * 100 + 99}` }))).toBe(206);
    const row = await s.db.shareLink.findUniqueOrThrow({ where: { id: shown.link.id } });
    expect(row.views).toBe(2);
    expect(row.lastViewedAt).not.toBeNull();
    // Concurrent loads are each counted (atomic increment).
    await Promise.all(Array.from({ length: 10 }, () => m.resolve.loadSharedClip(s.db, shown.token)));
    expect((await s.db.shareLink.findUniqueOrThrow({ where: { id: shown.link.id } })).views).toBe(12);
    const listed = ((await (await list(alice, id)).json()) as { items: ShareLinkView[] }).items.find((l) => l.id === shown.link.id);
    expect(listed?.views).toBe(12);
    expect(await m.resolve.loadSharedClip(s.db, "A".repeat(43))).toBeNull();
    expect(await m.resolve.loadSharedClip(s.db, "short")).toBeNull();
  });

  it("serves media through the token with the same Range implementation, headers and caching rules", async () => {
    const id = await clip(alice.id, null);
    const { token } = await created(alice, id);
    const full = await media(token, "video.mp4");
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(VIDEO)).toBe(true);
    expect(full.headers.get("referrer-policy")).toBe("no-referrer");
    expect(full.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(full.headers.get("cache-control")).toBe("private, no-cache");
    expect(full.headers.get("content-disposition")).toBe("inline");
    expect(full.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    const etag = full.headers.get("etag")!;
    const part = await media(token, "video.mp4", { range: "bytes=1000-1999" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${VIDEO.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(VIDEO.subarray(1000, 2000))).toBe(true);
    expect(await code(media(token, "video.mp4", { range: "bytes=1000-1999", "if-range": etag }))).toBe(206);
    expect(await code(media(token, "video.mp4", { range: "bytes=1000-1999", "if-range": '"stale"' }))).toBe(200);
    expect(await code(media(token, "video.mp4", { "if-none-match": etag }))).toBe(304);
    const unsat = await media(token, "video.mp4", { range: `bytes=${VIDEO.length + 10}-` });
    expect(unsat.status).toBe(416);
    expect(unsat.headers.get("content-range")).toBe(`bytes */${VIDEO.length}`);
    const head = await media(token, "video.mp4", {}, "", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(VIDEO.length));
    const poster = await media(token, "poster.jpg");
    expect(poster.status).toBe(200);
    expect(Buffer.from(await poster.arrayBuffer()).equals(POSTER)).toBe(true);
    expect(await code(media(token, "cover.jpg"))).toBe(404); // no such asset
    expect(await code(media(token, "preview.mp4"))).toBe(404); // not a share file
    const unknown = await media("B".repeat(43), "video.mp4");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await code(media("not-a-token", "video.mp4"))).toBe(404);
  });

  it("download only when the link allows it", async () => {
    const id = await clip(alice.id, null);
    const no = await created(alice, id);
    const yes = await created(alice, id, { allowDownload: true });
    expect(await code(media(no.token, "video.mp4", {}, "?download=1"))).toBe(404);
    expect(await code(media(no.token, "video.mp4"))).toBe(200);
    const dl = await media(yes.token, "video.mp4", {}, "?download=1");
    await dl.body?.cancel();
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; filename="framehouse-\d{4}-\d{2}-\d{2}-a-paper-boat-on-a-rainy-street\.mp4"/);
  });

  it("a removed member's links stay with the team: live for visitors, out of the removed member's hands, in the admins'", async () => {
    const leaver = await s.user(`leaver-s-${kind}@example.test`);
    await s.db.membership.create({ data: { teamId, userId: leaver.id, role: "MEMBER" } });
    const id = await clip(leaver.id, teamId);
    const link = await created(leaver, id);
    const token = link.url.split("/s/")[1]!;
    const members = await import("@/app/api/teams/[teamId]/members/[userId]/route");
    const removed = await members.DELETE(
      jsonRequest(`/api/teams/${teamId}/members/${leaver.id}`, "DELETE", undefined, { cookie: admin.cookie, origin: "http://localhost:3000" }),
      ctx({ teamId, userId: leaver.id }),
    );
    expect(removed.status).toBe(200);
    // Visitors: the link still works (it shares a team clip, and the clip stays with the team).
    expect(await m.resolve.resolveShareToken(s.db, token)).not.toBeNull();
    expect(await code(media(token, "poster.jpg"))).toBe(200);
    // The removed member can no longer see, list or revoke it.
    expect(await code(list(leaver, id))).toBe(404);
    expect(await code(revoke(leaver, link.link.id))).toBe(404);
    // The team's admins see it among the clip's links and can revoke it.
    const listed = (await (await list(admin, id)).json()) as { items: ShareLinkView[] };
    expect(listed.items.map((l) => l.id)).toContain(link.link.id);
    expect(await code(revoke(admin, link.link.id))).toBe(200);
    expect(await m.resolve.resolveShareToken(s.db, token)).toBeNull();
  });

  it("revoked, expired, deleted-clip and deleted-team links are 404 on the very next request", async () => {
    const id = await clip(alice.id, null);
    const r = await created(alice, id);
    expect(await code(media(r.token, "video.mp4", { range: "bytes=0-9" }))).toBe(206);
    expect(await m.resolve.loadSharedClip(s.db, r.token)).not.toBeNull();
    expect((await revoke(alice, r.link.id)).status).toBe(200);
    expect(await code(media(r.token, "video.mp4", { range: "bytes=10-19" }))).toBe(404);
    expect(await code(media(r.token, "video.mp4", { "if-none-match": '"anything"' }))).toBe(404);
    expect(await m.resolve.loadSharedClip(s.db, r.token)).toBeNull();

    const e = await created(alice, id, { expiresInHours: 1 });
    expect(await code(media(e.token, "poster.jpg"))).toBe(200);
    await s.db.shareLink.update({ where: { id: e.link.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await code(media(e.token, "poster.jpg"))).toBe(404);
    expect(await m.resolve.loadSharedClip(s.db, e.token)).toBeNull();
    expect((await s.db.shareLink.findUniqueOrThrow({ where: { id: e.link.id } })).views).toBe(0);

    const d = await created(alice, id);
    await s.db.generation.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await code(media(d.token, "video.mp4"))).toBe(404);
    expect(await m.resolve.loadSharedClip(s.db, d.token)).toBeNull();

    const t2 = await s.db.team.create({ data: { name: "Doomed" } });
    await s.db.membership.create({ data: { teamId: t2.id, userId: alice.id, role: "OWNER" } });
    const tc = await clip(alice.id, t2.id);
    const tl = await created(alice, tc);
    expect(await code(media(tl.token, "video.mp4", { range: "bytes=0-0" }))).toBe(206);
    await s.db.team.update({ where: { id: t2.id }, data: { deletedAt: new Date() } });
    expect(await code(media(tl.token, "video.mp4", { range: "bytes=0-0" }))).toBe(404);
  });

  it("rate limit: a viewer's normal seeking stays under it; a flood from one IP gets 429 with Retry-After", async () => {
    const id = await clip(alice.id, null);
    const { token } = await created(alice, id);
    const viewerIp = `203.0.113.${kind === "sqlite" ? 10 : 11}`;
    const from = (ip: string, range: string) =>
      m.media.GET(getRequest(null, `/api/s/${token}/video.mp4`, { "x-framehouse-client-ip": ip, range }), ctx({ token, file: "video.mp4" }));
    // A viewer: page, poster, then 30 Range requests (playback + seeks).
    expect(await code(media(token, "poster.jpg", { "x-framehouse-client-ip": viewerIp }))).toBe(200);
    for (let i = 0; i < 30; i++) {
      const r = await from(viewerIp, `bytes=${i * 500}-`);
      expect(r.status).toBe(206);
      await r.body?.cancel();
    }
    // A flood from another address: 200 requests in a burst.
    const floodIp = `203.0.113.${kind === "sqlite" ? 20 : 21}`;
    const statuses: number[] = [];
    let limited: Response | null = null;
    const started = Date.now();
    for (let i = 0; i < 200; i++) {
      const r = await from(floodIp, "bytes=0-9");
      statuses.push(r.status);
      if (r.status === 429) limited ??= r;
      else await r.body?.cancel();
    }
    const ok = statuses.filter((x) => x === 206).length;
    expect(ok).toBeGreaterThanOrEqual(120);
    // burst 120 + what refilled (2/s) while the loop ran
    expect(ok).toBeLessThanOrEqual(120 + Math.ceil(((Date.now() - started) / 1000) * 2) + 1);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get("referrer-policy")).toBe("no-referrer");
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // The viewer on their own address is unaffected by the flood.
    expect(await code(from(viewerIp, "bytes=0-9"))).toBe(206);
  });
});
