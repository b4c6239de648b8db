import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, STORAGE_STATE } from "./helpers";
import { STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// Accessibility scans and reference screenshots of the studio with finished clips in it.
test.describe.configure({ mode: "serial" });

async function ensureFinishedClips(page: Page) {
  const list = await page.request.get("/api/generations?limit=20");
  const items = ((await list.json()) as { items: { status: string }[] }).items;
  if (items.filter((i) => i.status === "STORED").length >= 2) return;
  for (const p of ["Koi pond in autumn rain, top-down", "Night train crossing a snowy bridge"]) {
    const res = await page.request.post("/api/generations", {
      headers: { "Idempotency-Key": crypto.randomUUID() },
      data: { mode: "text", prompt: uniquePrompt(p), style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
    });
    expect(res.status(), await res.text()).toBe(202);
  }
}

async function openWithClips(page: Page) {
  await page.goto("/");
  await expect(page.locator('[data-testid="clip"][data-status="STORED"]').first()).toBeVisible({ timeout: STORED_TIMEOUT });
  // Posters and metadata loaded so the screenshot shows real frames.
  await expect
    .poll(() => page.locator('[data-testid="clip-video"]').evaluateAll((vs) => vs.every((v) => (v as HTMLVideoElement).readyState >= 1)))
    .toBe(true);
}

test.describe("studio visual", () => {
  test.use({ storageState: STORAGE_STATE });
  test.setTimeout(240_000);

  test.beforeEach(async ({ page }) => {
    await ensureFinishedClips(page);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe: studio with clips has no serious violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openWithClips(page);
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("tab", { name: "Start–end frames" }).click();
      await expectNoSeriousA11yViolations(page);
      await page.getByTestId("generate").click();
      await expect(page.getByTestId("start-error")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  }

  test("screenshots: studio (en, zh-CN, dark, 375 px)", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openWithClips(page);
    await page.screenshot({ path: "test-results/screenshots/studio.png", fullPage: true });

    await page.emulateMedia({ colorScheme: "dark" });
    await openWithClips(page);
    await page.screenshot({ path: "test-results/screenshots/studio-dark.png", fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });

    await page.setViewportSize({ width: 375, height: 812 });
    await openWithClips(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/studio-375.png", fullPage: true });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "中文" }).click();
    try {
      await expect(page.getByRole("heading", { level: 1, name: "工作室" })).toBeVisible();
      await expect(page.getByText("最近的视频")).toBeVisible();
      await page.screenshot({ path: "test-results/screenshots/studio-zh-CN.png", fullPage: true });
    } finally {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
    }
  });
});
