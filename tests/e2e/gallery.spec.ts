import { execFileSync } from "node:child_process";
import { expect, type APIRequestContext, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, STORAGE_STATE } from "./helpers";
import { seekVideo, stableToken } from "./studio-helpers";

// The gallery against the production build with the fast simulator: clips are made through the
// real API (POST /api/generations) and awaited until STORED with their poster and preview made
// (derivatives "ready": they follow STORED as their own job), so posters, previews and videos exist.
test.use({ storageState: STORAGE_STATE });
test.describe.configure({ mode: "serial" });

// Unique to this file, and the same in every run, so its clips come from the render cache (stableToken).
const run = stableToken("gallery.spec");
const ZH = `纸船在雨夜漂流 ${run}`;
const EN = `A Paper Lantern over calm water ${run}`;
const OTHERS = [`Bulk clip one ${run}`, `Bulk clip two ${run}`, `Doomed clip ${run}`, `Doomed on its own page ${run}`];
const ids: Record<string, string> = {};

async function makeClip(request: APIRequestContext, prompt: string): Promise<string> {
  const res = await request.post("/api/generations", {
    headers: { "Idempotency-Key": `gallery-${run}-${Buffer.from(prompt).toString("hex").slice(-40)}` },
    data: { mode: "text", prompt, style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
  });
  expect(res.status(), await res.text()).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

function card(page: Page, id: string) {
  return page.locator(`[data-testid="gallery-card"][data-id="${id}"]`);
}

async function openGallery(page: Page, qs = "") {
  await page.goto(`/gallery${qs}`);
  await expect(page.getByTestId("gallery-skeleton")).toHaveCount(0);
}

test.beforeAll(async ({ browser }) => {
  // Six clips through the real pipeline: generous on a loaded 2-core machine, still no sleeps.
  test.setTimeout(300_000);
  const ctx = await browser.newContext({ storageState: STORAGE_STATE });
  for (const p of [ZH, EN, ...OTHERS]) ids[p] = await makeClip(ctx.request, p);
  for (const id of Object.values(ids)) {
    await expect
      .poll(
        async () => {
          const v = (await (await ctx.request.get(`/api/generations/${id}`)).json()) as { status: string; derivatives?: string };
          return `${v.status}/${v.derivatives ?? "-"}`;
        },
        { timeout: 240_000 },
      )
      .toBe("STORED/ready");
  }
  await ctx.close();
});

test("search finds a Chinese and an English prompt; filters live in the URL", async ({ page }) => {
  await openGallery(page, `?q=${encodeURIComponent("纸船在雨夜")}`);
  await expect(card(page, ids[ZH]!)).toBeVisible();
  await expect(card(page, ids[EN]!)).toHaveCount(0);

  await page.getByLabel(/^(Search prompts|搜索提示词)$/).fill(`paper LANTERN over calm water ${run}`);
  await expect(page).toHaveURL(/q=paper/);
  await expect(card(page, ids[EN]!)).toBeVisible();
  await expect(card(page, ids[ZH]!)).toHaveCount(0);

  await page.getByTestId("filter-mode").selectOption("image");
  await expect(page).toHaveURL(/mode=image/);
  await expect(page.getByTestId("gallery-empty")).toBeVisible();
  await page.getByTestId("filter-mode").selectOption("text");
  await expect(card(page, ids[EN]!)).toBeVisible();
  // Bookmarkable: a reload keeps the view.
  await page.reload();
  await expect(page.getByTestId("filter-mode")).toHaveValue("text");
  await expect(card(page, ids[EN]!)).toBeVisible();
});

test("keyboard: / searches, arrows move, F favourites, Enter opens, Esc closes and focus returns; tags", async ({ page }) => {
  await openGallery(page, `?q=${run}`);
  await page.keyboard.press("/");
  await expect(page.getByLabel(/^(Search prompts|搜索提示词)$/)).toBeFocused();
  const first = page.locator("[data-card-index='0']");
  await first.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("[data-card-index='1']")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(first).toBeFocused();
  const firstId = await page.locator("[data-testid='gallery-card']").first().getAttribute("data-id");

  await page.keyboard.press("f");
  // Seen and heard: the toast is its own live region (role=status).
  await expect(page.getByTestId("toast").filter({ hasText: /Added to favourites|已加入收藏/ })).toBeVisible();
  await page.getByTestId("filter-favourite").click(); // checked follows the URL (router.replace), not the click
  await expect(page).toHaveURL(/favourite=true/);
  await expect(page.locator("[data-testid='gallery-card']")).toHaveCount(1);
  await expect(card(page, firstId!)).toBeVisible();

  await page.locator("[data-card-index='0']").focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("detail-dialog");
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/gallery/${firstId}`));
  await dialog.getByPlaceholder(/New tag|新标签/).fill(`tag-${run}`);
  await dialog.getByRole("button", { name: /^(Add tag|添加标签)$/ }).click();
  await expect(dialog.getByTestId("detail-tags")).toContainText(`tag-${run}`);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/gallery\?/);
  await expect(page.locator("[data-card-index='0']")).toBeFocused();

  await openGallery(page, `?tag=${encodeURIComponent(`tag-${run}`)}`);
  await expect(page.locator("[data-testid='gallery-card']")).toHaveCount(1);
});

test("remix opens the studio filled with the clip's prompt", async ({ page }) => {
  await openGallery(page, `?q=${encodeURIComponent(EN)}`);
  await card(page, ids[EN]!).getByRole("link").click();
  await page.getByTestId("detail-dialog").getByTestId("remix").click();
  await expect(page).toHaveURL(new RegExp(`/\\?remix=${ids[EN]}`));
  await expect(page.locator("#text-prompt")).toHaveValue(EN);
});

test("bulk: the zip contains the selected clips", async ({ page }, info) => {
  await openGallery(page, `?q=${run}&sort=oldest`);
  const one = card(page, ids[OTHERS[0]!]!);
  const two = card(page, ids[OTHERS[1]!]!);
  await one.getByTestId("card-select").check();
  await two.getByTestId("card-select").check();
  await expect(page.getByTestId("bulk-count")).toContainText("2");
  const download = page.waitForEvent("download");
  await page.getByTestId("bulk-zip").click();
  const file = info.outputPath("clips.zip");
  await (await download).saveAs(file);
  const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n").filter((n) => n.endsWith(".mp4"));
  expect(names).toHaveLength(2);
  expect(names.some((n) => n.includes("bulk-clip-one"))).toBe(true);
  expect(names.some((n) => n.includes("bulk-clip-two"))).toBe(true);
});

test("delete (Delete key, confirmation) removes the clip and its media", async ({ page }) => {
  const id = ids[OTHERS[2]!]!;
  const media = `/api/media/${id}/video.mp4`;
  expect((await page.request.get(media, { headers: { Range: "bytes=0-10" } })).status()).toBe(206);
  await openGallery(page, `?q=${encodeURIComponent(OTHERS[2]!)}`);
  await card(page, id).getByRole("link").focus();
  await page.keyboard.press("Delete");
  const confirm = page.locator("[data-testid='confirm-dialog'][open]");
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: /^(Delete|删除)$/ }).click();
  await expect(card(page, id)).toHaveCount(0);
  await expect(page.getByTestId("toast").filter({ hasText: /Clip deleted|视频已删除/ })).toBeVisible();
  expect((await page.request.get(media)).status()).toBe(404);
  expect((await page.request.get(`/api/media/${id}/poster.jpg`)).status()).toBe(404);
});

test("the clip's own page: Delete asks first (Cancel keeps the clip), then deletes it and returns to the gallery", async ({ page }) => {
  const id = ids[OTHERS[3]!]!;
  await page.goto(`/gallery/${id}`);
  const confirm = page.locator("[data-testid='confirm-dialog'][open]");
  await page.getByTestId("delete").click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: /^(Keep|保留)$/ }).click();
  await expect(confirm).toHaveCount(0);
  expect((await page.request.get(`/api/generations/${id}`)).status()).toBe(200);
  await page.getByTestId("delete").click();
  await confirm.getByRole("button", { name: /^(Delete|删除)$/ }).click();
  await page.waitForURL(/\/gallery$/);
  await expect(page.getByTestId("toast").filter({ hasText: /Clip deleted|视频已删除/ })).toBeVisible();
  expect((await page.request.get(`/api/generations/${id}`)).status()).toBe(404);
});

test("no video bytes before hover; axe clean (light, dark); screenshots (en, zh-CN, dark, mobile)", async ({ page }) => {
  const videoRequests: string[] = [];
  page.on("request", (r) => {
    if (/\.mp4/.test(r.url())) videoRequests.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openGallery(page, `?q=${run}`);
  await expect(page.locator("[data-testid='gallery-card'] img").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(videoRequests).toEqual([]);
  await page.locator("[data-testid='gallery-card']").first().hover();
  await expect.poll(() => videoRequests.some((u) => u.includes("preview.mp4"))).toBe(true);
  await page.mouse.move(0, 0);

  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/screenshots/gallery-en.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/screenshots/gallery-dark.png", fullPage: true });
  await page.locator("[data-card-index='0']").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("detail-dialog")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await page.emulateMedia({ colorScheme: "light" });

  await page.setViewportSize({ width: 375, height: 812 });
  await openGallery(page, `?q=${run}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/gallery-mobile.png", fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "中文" }).click();
  try {
    await expect(page.getByRole("heading", { level: 1, name: "作品库" })).toBeVisible();
    await expect(page.getByTestId("gallery-skeleton")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "test-results/screenshots/gallery-zh-CN.png", fullPage: true });
  } finally {
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Gallery" })).toBeVisible();
  }
});

test("a refreshed view of the playing clip does not reload its player (same video, re-signed URL)", async ({ page }) => {
  const id = ids[EN]!;
  await page.goto(`/gallery/${id}`);
  const video = page.getByTestId("detail-video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  const before = await seekVideo(video, 3);
  // The server re-signs a clip's URLs in every view it sends, with an expiry that moves every quarter of
  // their lifetime: here the favourite's answer carries the same video under a later expiry, as a view
  // sent after such a step would. The player must keep the URL it plays (a new src rewinds it to 0).
  await page.route(`**/api/generations/${id}`, async (route) => {
    if (route.request().method() !== "PATCH") return route.fallback();
    const res = await route.fetch();
    const view = (await res.json()) as { media: { video: { url: string } } };
    const url = new URL(view.media.video.url, "http://x.invalid");
    url.searchParams.set("e", String(Number(url.searchParams.get("e")) + 150));
    view.media.video.url = `${url.pathname}${url.search}`;
    await route.fulfill({ response: res, json: view });
  });
  const favourite = page.getByTestId("favourite");
  const pressed = await favourite.getAttribute("aria-pressed");
  await favourite.click();
  await expect(favourite).toHaveAttribute("aria-pressed", pressed === "true" ? "false" : "true");
  await expect(page.getByTestId("toast").first()).toBeVisible();
  const after = await video.evaluate((v: HTMLVideoElement) => ({ src: v.currentSrc, time: v.currentTime, readyState: v.readyState }));
  expect(after.src).toBe(before.src);
  expect(after.time).toBeCloseTo(before.time, 1);
  expect(after.readyState).toBeGreaterThanOrEqual(1);
});
