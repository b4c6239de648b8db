import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signInViaUi, signUpViaApi, uniqueEmail } from "./helpers";
import { generate, openStudio, STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// Issue 15, "several takes per submit" and "aspect-aware everywhere": three portrait takes of one
// submit show as ONE group (Take 1–3), two of them play side by side under one set of controls
// (play, pause and seek move both: the players' times are compared, waiting on conditions), the
// dialog is keyboard operable, labelled and axe clean, also at 375 px and in dark mode; a 9:16 clip
// is portrait in the studio card, the gallery tile, the detail player and the share page, and the
// detail lists its sibling takes. In English and in Chinese, each run with its own fresh account.

/** How far apart (s) the two players may be: one timeupdate interval plus the drift correction. */
const SYNC_TOLERANCE_S = 0.35;

const LANGS = [
  {
    locale: "en",
    prompt: "Prompt",
    aspect: "Aspect ratio",
    takes: "Takes",
    button: "Generate 3 takes · ¥7.50",
    take: (n: number) => `Take ${n}`,
    compare: "Compare takes",
    dialog: "Compare takes",
    play: "Play both",
    pause: "Pause both",
    seek: "Position in both takes",
    right: "Right",
    siblings: "Takes of this submit",
  },
  {
    locale: "zh-CN",
    prompt: "提示词",
    aspect: "画面比例",
    takes: "条数",
    button: "生成 3 条 · ¥7.50",
    take: (n: number) => `镜次 ${n}`,
    compare: "对比镜次",
    dialog: "对比镜次",
    play: "同时播放",
    pause: "同时暂停",
    seek: "两个镜次的播放位置",
    right: "右侧",
    siblings: "同一次提交的镜次",
  },
] as const;

/** The rendered box's height / width. */
async function heightOverWidth(el: Locator): Promise<number> {
  const box = await el.boundingBox();
  if (!box || box.width === 0) throw new Error("no box");
  return box.height / box.width;
}

const PORTRAIT = 16 / 9;

/** Both players' currentTime and paused flags. */
function players(dialog: Locator) {
  return dialog.getByTestId("compare-video").evaluateAll((vs) => (vs as HTMLVideoElement[]).map((v) => ({ t: v.currentTime, paused: v.paused, ready: v.readyState })));
}

async function expectInSync(dialog: Locator, check: (p: { t: number; paused: boolean }[]) => boolean, what: string) {
  await expect
    .poll(
      async () => {
        const p = await players(dialog);
        return p.length === 2 && Math.abs(p[0]!.t - p[1]!.t) <= SYNC_TOLERANCE_S && check(p);
      },
      { message: what, timeout: 20_000 },
    )
    .toBe(true);
}

async function noHorizontalOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

for (const L of LANGS) {
  test(`${L.locale}: 3 portrait takes → one group → compare two in sync (keyboard, axe, 375 px, dark) → portrait tile, detail with siblings, share page`, async ({ browser }) => {
    test.setTimeout(STORED_TIMEOUT + 120_000);
    const context = await browser.newContext({ locale: L.locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      const email = uniqueEmail(`takes-${L.locale}`);
      await signUpViaApi(page, email);
      await signInViaUi(page, email);
      await page.waitForURL((u) => u.pathname === "/");
      await openStudio(page);

      const prompt = uniquePrompt(`Lighthouse takes ${L.locale}`);
      await page.getByRole("textbox", { name: L.prompt }).fill(prompt);
      await page.getByRole("group", { name: L.aspect }).getByRole("radio", { name: /9:16/ }).check({ force: true });
      await page.getByRole("group", { name: L.takes }).getByText("3", { exact: true }).click();
      await expect(page.getByTestId("generate")).toHaveText(L.button);
      await generate(page);

      // One group of three, Take 1–3, portrait.
      const group = page.getByTestId("take-group").filter({ hasText: prompt });
      await expect(group).toHaveCount(1);
      await expect(group).toHaveAttribute("data-count", "3");
      await expect(group).toHaveAttribute("data-shape", "portrait");
      await expect(group.getByTestId("take-name")).toHaveText([L.take(1), L.take(2), L.take(3)]);
      const takes = group.getByTestId("clip");
      await expect(takes).toHaveCount(3);
      for (let i = 0; i < 3; i++) await expect(takes.nth(i)).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });
      const ids = await takes.evaluateAll((els) => els.map((e) => e.getAttribute("data-id") ?? ""));

      // The studio card shows the 9:16 take at its shape.
      const cardVideo = takes.first().getByTestId("clip-video");
      await expect(cardVideo).toBeVisible();
      expect(await heightOverWidth(cardVideo)).toBeCloseTo(PORTRAIT, 1);

      // Compare: opens on Take 1 and Take 2 with the shared play button focused; pick Take 3 on the right.
      await group.getByRole("button", { name: L.compare }).click();
      const dialog = page.getByRole("dialog", { name: L.dialog });
      await expect(dialog).toBeVisible();
      const play = dialog.getByRole("button", { name: L.play });
      await expect(play).toBeFocused();
      await dialog.getByRole("combobox", { name: L.right }).selectOption({ label: L.take(3) });
      await expect(dialog.locator(`video[aria-label="${L.take(1)}"]`)).toHaveCount(1);
      await expect(dialog.locator(`video[aria-label="${L.take(3)}"]`)).toHaveCount(1);
      const slider = dialog.getByRole("slider", { name: L.seek });
      await expect(slider).toBeVisible();
      await expect.poll(async () => (await players(dialog)).every((p) => p.ready >= 1), { timeout: 20_000 }).toBe(true);
      for (const v of await dialog.getByTestId("compare-video").all()) expect(await heightOverWidth(v)).toBeCloseTo(PORTRAIT, 1);

      // Play with the keyboard: both run, together.
      await dialog.getByRole("button", { name: L.play }).focus();
      await page.keyboard.press("Enter");
      await expectInSync(dialog, (p) => p.every((x) => !x.paused && x.t > 0.5), "both play together");
      // Pause: both stop at the same moment.
      await expect(dialog.getByRole("button", { name: L.pause })).toBeFocused();
      await page.keyboard.press("Enter");
      await expectInSync(dialog, (p) => p.every((x) => x.paused), "both pause together");
      // Seek with the keyboard: Home, then ten steps of 0.1 s → both at 1.0 s.
      await slider.focus();
      await page.keyboard.press("Home");
      for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
      await expect(slider).toHaveValue("1");
      await expectInSync(dialog, (p) => p.every((x) => x.paused && Math.abs(x.t - 1) <= 0.15), "both seek to 1.0 s");

      await expectNoSeriousA11yViolations(page);
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: `test-results/screenshots/takes-compare-dark-${L.locale}.png` });
      await page.emulateMedia({ colorScheme: "light" });

      // 375 px: the dialog fits, nothing scrolls sideways, the players keep their shape.
      await page.setViewportSize({ width: 375, height: 740 });
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
      await noHorizontalOverflow(page);
      for (const v of await dialog.getByTestId("compare-video").all()) expect(await heightOverWidth(v)).toBeCloseTo(PORTRAIT, 1);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: `test-results/screenshots/takes-compare-375-${L.locale}.png` });
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await noHorizontalOverflow(page);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: `test-results/screenshots/takes-group-375-${L.locale}.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // Gallery: the 9:16 tile is portrait (no 16:9 crop).
      await page.goto(`/gallery?q=${encodeURIComponent(prompt)}`);
      await expect(page.getByTestId("gallery-skeleton")).toHaveCount(0);
      const tile = page.locator(`[data-testid="gallery-card"][data-id="${ids[0]}"]`).getByTestId("tile-media");
      await expect(tile).toBeVisible();
      expect(await heightOverWidth(tile)).toBeCloseTo(PORTRAIT, 1);

      // Detail page: a large portrait player and the three takes of the submit, this one current.
      await page.goto(`/gallery/${ids[1]}`);
      const player = page.getByTestId("detail-video");
      await expect(player).toBeVisible();
      expect(await heightOverWidth(player)).toBeCloseTo(PORTRAIT, 1);
      const siblings = page.getByRole("navigation", { name: L.siblings });
      await expect(siblings.getByRole("link")).toHaveCount(3);
      await expect(siblings.locator('[aria-current="page"]')).toHaveAttribute("href", `/gallery/${ids[1]}`);
      await expectNoSeriousA11yViolations(page);
      await siblings.getByRole("link", { name: L.take(3) }).click();
      await expect(page).toHaveURL(new RegExp(`/gallery/${ids[2]}$`));

      // The public share page plays it portrait too.
      const share = await page.request.post(`/api/generations/${ids[0]}/share-links`, { data: { expiresInHours: 24, allowDownload: false, showPrompt: true } });
      expect(share.status(), await share.text()).toBe(201);
      await page.goto(`/s/${((await share.json()) as { token: string }).token}`);
      const shared = page.getByTestId("share-video");
      await expect(shared).toBeVisible();
      expect(await heightOverWidth(shared)).toBeCloseTo(PORTRAIT, 1);
    } finally {
      await context.close();
    }
  });
}
