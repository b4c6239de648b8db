// G1 first screen: the bytes a cold first visit of /gallery transfers in Chromium (HTML, JS, CSS,
// fonts, the first-page API call, and the poster thumbnails the browser loads for the first paint),
// on the bench's production server (harness/app-server.ts, the snapshot build).
//
// Posters are real pipeline posters, made by the same code the pipeline runs: the simulator's
// renderer (lib/simulator/render) renders the clip, the worker's makePoster (lib/server/media/ffmpeg)
// cuts the poster. Renders are cached on disk by the renderer itself (content-addressed). Clips are
// seeded straight into the server's database for a fresh user, and the session cookie is minted with
// the server's secret, so the step depends on no UI text, no upstream, no worker timing.
//
// Why it used to be unreliable: it made its 3 real clips through the live pipeline under load (up to
// 10 min of polling), started its own server on a fixed port from ./.next (which other engineers
// rebuild), and waited for Playwright's "networkidle", which an open SSE stream (the gallery
// subscribes to /api/generations/events while clips are in flight) can hold off forever.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type CDPSession } from "@playwright/test";
import { makePoster } from "@/lib/server/media/ffmpeg";
import { renderClip } from "@/lib/simulator/render/render-clip";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../tests/support/browser-launch";
import { seedGenerations } from "../tests/support/seed-generations";
import { type AppServer, benchUser } from "./harness/app-server";

const PROMPTS = ["A paper boat drifting down a rainy street at dusk", "一只橘猫在樱花树下", "A vintage train crossing a golden wheat field"];
const RENDER_CACHE = path.join(os.tmpdir(), "framehouse-bench-render-cache");
const VIEWPORT = { width: 1280, height: 900 };

export interface FirstScreen {
  clips: number;
  requests: number;
  bytes: number;
  byType: Record<string, number>;
  posterBytes: number;
  /** Poster <img>s complete in the viewport when the screen was taken. */
  postersOnScreen: number;
  /** Responses still streaming at the end (the SSE stream): their bytes so far are included. */
  open: number;
  failed: number;
  ms: number;
}

/** Three real posters (pipeline code), written to `dir`; returns their paths. */
async function realPosters(dir: string): Promise<string[]> {
  fs.mkdirSync(RENDER_CACHE, { recursive: true });
  const out: string[] = [];
  for (const [i, prompt] of PROMPTS.entries()) {
    const r = await renderClip({ mode: "text", prompt, style: "general", aspectRatio: "16:9" }, { cacheDir: RENDER_CACHE, timeoutMs: 120_000 });
    const poster = path.join(dir, `poster-${i}.jpg`);
    await makePoster(r.videoPath, poster);
    out.push(poster);
  }
  return out;
}

/** Transfer sizes from the DevTools protocol: encodedDataLength is what came over the wire (headers included). */
function trackNetwork(cdp: CDPSession) {
  const reqs = new Map<string, { type: string; url: string; bytes: number; done: boolean; failed: boolean; lastAt: number }>();
  let lastActivity = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    reqs.set(e.requestId, { type: (e.type ?? "Other").toLowerCase(), url: e.request.url, bytes: 0, done: false, failed: false, lastAt: Date.now() });
    lastActivity = Date.now();
  });
  cdp.on("Network.dataReceived", (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.bytes += e.encodedDataLength;
    lastActivity = Date.now();
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = reqs.get(e.requestId);
    if (r) {
      r.bytes = Math.max(r.bytes, e.encodedDataLength);
      r.done = true;
    }
    lastActivity = Date.now();
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = reqs.get(e.requestId);
    if (r) {
      r.done = true;
      r.failed = !e.canceled;
    }
    lastActivity = Date.now();
  });
  return {
    reqs,
    /** No new request, byte or completion for `quietMs`, ignoring the long-lived event stream. */
    quiet(quietMs: number): boolean {
      const busy = [...reqs.values()].some((r) => !r.done && r.type !== "eventsource");
      return !busy && Date.now() - lastActivity >= quietMs;
    },
  };
}

export async function measureFirstScreen(app: AppServer, clips = 100): Promise<FirstScreen> {
  const t0 = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-first-screen-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const posters = await realPosters(scratch);
    const posterBytes = Math.round(posters.reduce((s, p) => s + fs.statSync(p).size, 0) / posters.length);
    const user = await benchUser(app.db, "first-screen");
    const { clips: seeded } = await seedGenerations(app.db, { users: [user.id], total: clips, seed: 5, now: new Date(Date.now() - 60_000), spanDays: 30 });
    // Every STORED clip gets a real poster file behind its POSTER asset row (the others have none).
    seeded.forEach((c, i) => {
      if (c.status !== "STORED") return;
      const dir = path.join(app.dataDir, "media", "clips", c.id);
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(posters[i % posters.length]!, path.join(dir, "poster.jpg"));
    });

    // A cold first visit: fresh context (empty HTTP cache), signed in by cookie.
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addCookies([{ name: "next-auth.session-token", value: user.token, url: app.origin, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const net = trackNetwork(cdp);
    const res = await page.goto(`${app.origin}/gallery`, { waitUntil: "load", timeout: 60_000 });
    if (!res || res.status() !== 200) throw new Error(`/gallery answered ${res?.status() ?? "nothing"} (signed-in cookie rejected?)`);
    await page.waitForSelector("[data-testid='gallery-card'] img", { timeout: 60_000 });
    // First paint is done when every poster <img> inside the viewport has loaded…
    await page.waitForFunction(
      (h) => {
        const imgs = [...document.querySelectorAll<HTMLImageElement>("[data-testid='gallery-card'] img")].filter((i) => i.getBoundingClientRect().top < h);
        return imgs.length > 0 && imgs.every((i) => i.complete);
      },
      VIEWPORT.height,
      { timeout: 60_000 },
    );
    // …and the network has been quiet for 1 s (lazy images near the fold the browser chose to fetch
    // count too: a real first visit transfers them). The SSE stream stays open and is not waited for.
    const deadline = Date.now() + 30_000;
    while (!net.quiet(1_000)) {
      if (Date.now() > deadline) throw new Error("first screen: network not quiet within 30 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    const postersOnScreen = await page.evaluate(
      (h) => [...document.querySelectorAll<HTMLImageElement>("[data-testid='gallery-card'] img")].filter((i) => i.getBoundingClientRect().top < h && i.complete).length,
      VIEWPORT.height,
    );
    const all = [...net.reqs.values()].filter((r) => r.url.startsWith("http"));
    const byType: Record<string, number> = {};
    for (const r of all) byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
    await context.close();
    return {
      clips,
      requests: all.length,
      bytes: all.reduce((s, r) => s + r.bytes, 0),
      byType,
      posterBytes,
      postersOnScreen,
      open: all.filter((r) => !r.done).length,
      failed: all.filter((r) => r.failed).length,
      ms: Date.now() - t0,
    };
  } finally {
    await browser.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
