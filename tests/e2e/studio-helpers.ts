import { createHash } from "node:crypto";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

export const IMAGES = path.join(process.cwd(), "tests/fixtures/images");
export const E2E_IMAGES = path.join(process.cwd(), "tests/fixtures/e2e");
/** The simulator at e2e speed finishes in seconds; generous (the renderer is ffmpeg on a shared 2-core box) so a loaded machine stays deterministic. */
export const STORED_TIMEOUT = 180_000;

const promptsMade = new Map<string, number>();

/**
 * `tag` made unique within this run: a token of the calling test (its id, retry and repeat) and a
 * count of the prompts it made. Each run has a fresh database, so nothing needs a prompt unlike every
 * earlier run's, and the same test asks for the same clips each time: the simulator's render cache,
 * kept across runs (scripts/e2e-server.mjs), serves them without another ffmpeg render.
 */
export function uniquePrompt(tag: string): string {
  const { testId, retry, repeatEachIndex } = test.info();
  const caller = `${testId}/${retry}/${repeatEachIndex}`;
  const n = (promptsMade.get(caller) ?? 0) + 1;
  promptsMade.set(caller, n);
  return `${tag} ${stableToken(caller)}-${n}`;
}

/** A short token for `seed`, the same in every run (base 36 of its hash). */
export function stableToken(seed: string): string {
  return BigInt(`0x${createHash("sha256").update(seed).digest("hex").slice(0, 12)}`).toString(36);
}

/**
 * The studio with an empty form. The form autosaves per account and workspace, so what one test typed
 * would come back in the next: the current workspace's draft is cleared first (a viewer has none: 403,
 * ignored). The draft spec itself (studio-draft.spec.ts) uses fresh accounts and reloads instead.
 */
export async function openStudio(page: Page) {
  const workspace = (await page.context().cookies()).find((c) => c.name === "fh-workspace")?.value;
  await page.request.delete(`/api/studio/draft${workspace && workspace !== "personal" ? `?team=${workspace}` : ""}`);
  await page.goto("/");
  await expect(page.getByRole("tablist", { name: /Generation mode|生成模式/ })).toBeVisible();
  // Recent clips loaded (list or empty state) before anything is counted.
  await expect(page.getByText(/Loading your clips|正在加载你的视频/)).toHaveCount(0, { timeout: 30_000 });
}

/** Presses Generate (or runs `trigger`) and returns the id of the accepted clip from the 202 answer. */
export async function generate(page: Page, trigger?: () => Promise<void>): Promise<string> {
  const accepted = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/generations" && r.request().method() === "POST");
  await (trigger ? trigger() : page.getByTestId("generate").click());
  const res = await accepted;
  expect(res.status(), await res.text()).toBe(202);
  const body = (await res.json()) as { id: string };
  await expect(page.getByTestId("submit-success")).toBeVisible();
  return body.id;
}

export function clipCard(page: Page, id: string): Locator {
  return page.locator(`[data-testid="clip"][data-id="${id}"]`);
}

/** Waits for STORED, then proves the inline player has metadata and can seek to 3 s. */
/** Seeks a <video> and answers where it landed, once it says so ("seeked"); a media error fails. */
export function seekVideo(video: Locator, seconds: number) {
  return video.evaluate(
    (v: HTMLVideoElement, to: number) =>
      new Promise<{ time: number; duration: number; src: string }>((resolve, reject) => {
        v.addEventListener("seeked", () => resolve({ time: v.currentTime, duration: v.duration, src: v.currentSrc }), { once: true });
        v.addEventListener("error", () => reject(new Error(`media error ${v.error?.code}`)), { once: true });
        // A new src mid-seek reloads the player and the seek never ends: say so instead of timing out.
        v.addEventListener("emptied", () => reject(new Error(`the player reloaded during the seek (src now ${v.currentSrc})`)), { once: true });
        v.currentTime = to;
      }),
    seconds,
  );
}

export async function expectPlaysAndSeeks(page: Page, id: string) {
  const card = clipCard(page, id);
  await expect(card).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });
  const video = card.getByTestId("clip-video");
  await expect(video).toBeVisible();
  await expect(video).toHaveAttribute("preload", "metadata");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  const seeked = await seekVideo(video, 3);
  expect(seeked.duration).toBeGreaterThan(3);
  expect(seeked.time).toBeGreaterThanOrEqual(2.5);
  expect(seeked.time).toBeLessThanOrEqual(3.5);
  await expect(card.getByRole("link", { name: /Download|下载/ })).toHaveAttribute("href", /\/api\/media\//);
}

/** Count of the signed-in user's clips with this exact prompt, from the API. */
export async function clipsWithPrompt(page: Page, prompt: string): Promise<number> {
  const res = await page.request.get("/api/generations?limit=50");
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: { prompt: string }[] };
  return body.items.filter((i) => i.prompt === prompt).length;
}
