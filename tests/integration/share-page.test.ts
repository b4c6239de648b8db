// The public page /s/<token> rendered from its real server component against a real database: what it
// shows (player, poster, prompt only when allowed, download only when allowed, nothing of the
// workspace), its metadata (noindex, no-referrer), notFound() for dead links, one view per render.
// Only the request-scoped translator and time zone, and the router the language switch refreshes, are
// replaced (there is no request outside Next).
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedShareLink } from "@/lib/shared/share-link-views";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { ctx, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

vi.mock("@/lib/server/i18n", async () => {
  const { translate } = await import("@/lib/i18n/translate");
  const { formatInstant } = await import("@/lib/shared/time-format");
  return {
    getT: async () => ({ locale: "en", t: (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate("en", key, vars) }),
    getFormatTime: async () => ({ locale: "en", timeZone: "Asia/Shanghai", when: (at: string | Date, style?: "longDate") => formatInstant(at, "en", "Asia/Shanghai", style) }),
  };
});
// The request's headers: a plain page load unless a test says otherwise (an RSC refresh).
const request = vi.hoisted(() => ({ headers: { host: "studio.test" } as Record<string, string> }));
vi.mock("next/headers", async (original) => ({ ...(await original<typeof import("next/headers")>()), headers: async () => new Headers(request.headers) }));
vi.mock("next/navigation", async (original) => ({ ...(await original<typeof import("next/navigation")>()), useRouter: () => ({ refresh: () => undefined }) }));

describe.each(providers())("share page on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let clipId: string;
  let page: typeof import("@/app/s/[token]/page");
  let layout: typeof import("@/app/s/layout");

  async function link(body: unknown): Promise<CreatedShareLink> {
    const routes = await import("@/app/api/generations/[id]/share-links/route");
    const r = await routes.POST(
      jsonRequest(`/api/generations/${clipId}/share-links`, "POST", body, { cookie: alice.cookie, origin: "http://localhost:3000" }),
      ctx({ id: clipId }),
    );
    expect(r.status).toBe(201);
    return (await r.json()) as CreatedShareLink;
  }
  const render = async (token: string) => renderToStaticMarkup(await page.default({ params: Promise.resolve({ token }) }));

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user(`alice-p-${kind}@example.test`);
    const team = await s.db.team.create({ data: { name: "Secret Team Name" } });
    await s.db.membership.create({ data: { teamId: team.id, userId: alice.id, role: "OWNER" } });
    const g = await s.db.generation.create({
      data: {
        ownerId: alice.id,
        teamId: team.id,
        mode: "IMAGE",
        model: "viduq1-image",
        prompt: "A ginger cat under neon lights",
        params: { aspectRatio: "9:16", movementAmplitude: "auto" },
        idemKey: randomUUID(),
        paramsHash: "x",
        upstreamRequestId: randomUUID(),
        status: "STORED",
        costFen: 250,
        durationMs: 4000,
      },
    });
    clipId = g.id;
    for (const [k, file, mime] of [
      ["VIDEO", "video.mp4", "video/mp4"],
      ["POSTER", "poster.jpg", "image/jpeg"],
    ] as const) {
      await s.db.asset.create({ data: { generationId: g.id, kind: k, storageKey: `clips/${g.id}/${file}`, mime, bytes: 10, sha256: "0".repeat(64) } });
    }
    page = await import("@/app/s/[token]/page");
    layout = await import("@/app/s/layout");
  });
  afterAll(async () => s?.drop());

  it("shows the player, poster, prompt and details; download only when allowed; nothing of the workspace", async () => {
    const { token, link: l } = await link({ allowDownload: true });
    const html = await render(token);
    expect(html).toContain(`<h1 id="share-title"`);
    // The player gets signed URLs for exactly this clip's objects, issued to the link (audience s.<link id>).
    const signed = (file: string) => new RegExp(`/api/media/signed/clips/${clipId}/${file.replace(".", "\\.")}\\?e=\\d+&amp;a=s\\.${l.id}&amp;s=[\\w-]+"`);
    expect(html).toMatch(new RegExp(`<video[^>]*src="${signed("video.mp4").source}`));
    expect(html).toMatch(new RegExp(`poster="${signed("poster.jpg").source}`));
    expect(html).toMatch(/<video[^>]*playsInline|<video[^>]*playsinline/);
    expect(html).toContain('preload="metadata"');
    expect(html).toContain("A ginger cat under neon lights");
    expect(html).toContain("Image → video");
    expect(html).toContain("9:16");
    expect(html).toContain(`href="/api/s/${token}/video.mp4?download=1"`);
    for (const secret of ["Secret Team Name", alice.id, "alice-p-", "viduq1"]) expect(html).not.toContain(secret);
    // The clip's id appears only as part of its storage keys inside those URLs (no route accepts it without authorization).
    expect(html.replaceAll(`/api/media/signed/clips/${clipId}/`, "")).not.toContain(clipId);
    expect((await s.db.shareLink.findUniqueOrThrow({ where: { id: l.id } })).views).toBe(1);
  });

  it("hides the prompt and the download link when the owner chose so", async () => {
    const { token, link: l } = await link({ showPrompt: false });
    const html = await render(token);
    expect(html).not.toContain("A ginger cat");
    expect(html).not.toContain("download=1");
    expect(html).toMatch(new RegExp(`src="/api/media/signed/clips/${clipId}/video\\.mp4\\?e=\\d+&amp;a=s\\.${l.id}&amp;`));
  });

  it("unknown, revoked and expired links call notFound() (404) and count no view", async () => {
    const { token, link: l } = await link({});
    await s.db.shareLink.update({ where: { id: l.id }, data: { revokedAt: new Date() } });
    for (const t of [token, "C".repeat(43), "garbage"]) {
      const err = await render(t).then(
        () => null,
        (e: unknown) => e as { digest?: string },
      );
      expect(err?.digest, t).toMatch(/404/);
    }
    const e = await link({ expiresInHours: 1 });
    await s.db.shareLink.update({ where: { id: e.link.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(render(e.token)).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    expect((await s.db.shareLink.findUniqueOrThrow({ where: { id: e.link.id } })).views).toBe(0);
  });

  it("metadata: noindex, nofollow and no-referrer; the layout has the app name, a language switch and no navigation", async () => {
    const meta = await page.generateMetadata({ params: Promise.resolve({ token: "garbage" }) });
    expect(meta.robots).toMatchObject({ index: false, follow: false });
    expect(meta.referrer).toBe("no-referrer");
    expect(meta.openGraph).toBeUndefined(); // a dead link shows no card
    const { I18nProvider } = await import("@/components/i18n/i18n-provider");
    const { messagesFor } = await import("@/lib/i18n/translate");
    const html = renderToStaticMarkup(createElement(I18nProvider, { locale: "en", messages: messagesFor("en"), children: await layout.default({ children: "child" }) }));
    expect(html).toContain("Framehouse");
    expect(html).toMatch(/role="group" aria-label="Language"/);
    expect(html).toContain('lang="zh-CN"');
    expect(html).not.toMatch(/<nav|gallery|sign-out|teams/i);
  });

  it("link-preview card: the prompt as title, the poster and video through the link (signed out, long-lived)", async () => {
    const { token, link: l } = await link({});
    const params = Promise.resolve({ token });
    const meta = await page.generateMetadata({ params });
    await render(token);
    expect(meta.title).toBe("A ginger cat under neon lights · Framehouse");
    expect(meta.description).toBe("A ginger cat under neon lights");
    expect(meta.openGraph).toMatchObject({
      type: "video.other",
      title: "A ginger cat under neon lights · Framehouse",
      images: [{ url: `http://studio.test/api/s/${token}/poster.jpg` }],
      videos: [{ url: `http://studio.test/api/s/${token}/video.mp4`, type: "video/mp4" }],
    });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image", images: [{ url: `http://studio.test/api/s/${token}/poster.jpg` }] });
    // Outside a request React's cache() does not dedupe: metadata and page each count here; in Next they share one load.
    expect((await s.db.shareLink.findUniqueOrThrow({ where: { id: l.id } })).views).toBe(2);
  });

  it("the language switch's refresh (an RSC request) re-renders the page without counting another view", async () => {
    const { token, link: l } = await link({});
    await render(token);
    const views = async () => (await s.db.shareLink.findUniqueOrThrow({ where: { id: l.id } })).views;
    expect(await views()).toBe(1);
    request.headers = { host: "studio.test", rsc: "1" };
    try {
      const html = await render(token);
      expect(html).toContain("<video");
    } finally {
      request.headers = { host: "studio.test" };
    }
    expect(await views()).toBe(1);
    await render(token);
    expect(await views()).toBe(2);
  });

  it("link-preview card without the prompt: a generic title and a description in words, never the prompt", async () => {
    const { token } = await link({ showPrompt: false });
    const meta = await page.generateMetadata({ params: Promise.resolve({ token }) });
    expect(meta.title).toBe("Shared clip · Framehouse");
    expect(meta.description).toBe("A 4 s video clip, shared from Framehouse.");
    expect(JSON.stringify(meta)).not.toContain("ginger");
  });
});
