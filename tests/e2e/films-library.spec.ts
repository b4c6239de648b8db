import path from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { addShots, card, createFilm, editShot, makeOneTake, select } from "./films-helpers";
import { expectNoSeriousA11yViolations, signInViaUi, signUpViaApi, STORAGE_STATE, uniqueEmail } from "./helpers";
import { IMAGES, STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// The characters and products library, scene headings and timecoded comments on a film export, end to
// end against the production build: in English on a desktop (a character becomes a shot's first frame,
// a refused delete names the shot, a comment pinned on the export's timeline and jumped back to), and
// in Chinese at 375 px in dark mode (a product, a scene heading, a comment pinned from the keyboard).

test.use({ storageState: STORAGE_STATE });

/** Adds a reference on /films/library (the form's labels in the page's language are passed in). */
async function addReference(page: Page, labels: { kind: string; name: string; image: string }, name: string) {
  const form = page.getByTestId("add-reference");
  await form.getByRole("radio", { name: labels.kind }).check({ force: true });
  await form.getByLabel(labels.name, { exact: true }).fill(name);
  await form.getByLabel(labels.image).setInputFiles(path.join(IMAGES, "landscape.png"));
  await form.getByTestId("add-reference-submit").click();
  await expect(page.getByTestId("reference-name").filter({ hasText: name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("img", { name })).toBeVisible();
}

/** Exports the film and returns the READY export once its player knows its duration. */
async function exportFilm(page: Page): Promise<Locator> {
  await page.getByTestId("start-export").click();
  const exported = page.getByTestId("export").first();
  await expect(exported).toHaveAttribute("data-status", "READY", { timeout: STORED_TIMEOUT });
  await expect.poll(() => exported.getByTestId("export-video").evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 }).toBeGreaterThan(4);
  return exported;
}

const seconds = (label: string) => {
  const m = /(\d\d):(\d\d\.\d)/.exec(label);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

test("a character as a shot's first frame, scene headings, a comment pinned on the export's timeline", async ({ page }) => {
  test.setTimeout(STORED_TIMEOUT * 3);
  const mei = `Mei ${uniquePrompt("ref")}`;
  await page.goto("/films");
  await page.getByRole("link", { name: "Characters and products" }).click();
  await expect(page.getByRole("heading", { name: "Characters and products", level: 1 })).toBeVisible();
  await addReference(page, { kind: "Character", name: "Name", image: "Image (PNG, JPEG or WebP)" }, `${mei} draft`);
  await page.getByRole("button", { name: `Rename “${mei} draft”` }).click();
  await page.getByLabel(`New name for “${mei} draft”`).fill(mei);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("reference-name").filter({ hasText: mei })).toHaveText(mei);
  await expectNoSeriousA11yViolations(page);

  const title = `Harbour ${uniquePrompt("scenes")}`;
  await createFilm(page, title, "16:9");
  await addShots(page, 2);
  // Shot 1 opens a scene and starts from the character.
  await select(page, 0);
  const editor = page.getByTestId("shot-editor");
  await editor.getByLabel("Scene heading before this shot").fill("EXT. HARBOUR — DAWN");
  await editor.getByLabel("Mode").selectOption({ label: "Image → video" });
  await editor.getByLabel("Source of the Start frame").selectOption({ label: "Reference from the library" });
  await editor.getByLabel("Reference for the Start frame").selectOption({ label: mei });
  await editShot(page, uniquePrompt("Mei looks over the harbour"));
  // Shot 2 opens another scene; then its heading is renamed.
  await select(page, 1);
  await editor.getByLabel("Scene heading before this shot").fill("INT. BOAT");
  await editShot(page, uniquePrompt("The deck of the boat"));
  await editor.getByLabel("Scene heading before this shot").fill("INT. BOAT — MORNING");
  await editor.getByTestId("save-shot").click();
  await expect(editor.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("scene-heading")).toHaveText(["Scene: EXT. HARBOUR — DAWN", "Scene: INT. BOAT — MORNING"]);

  for (const i of [0, 1]) {
    await select(page, i);
    await expect(await makeOneTake(page, 1)).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });
  }
  await expect(card(page, 0)).toHaveAttribute("data-status", "ready");

  // Removing shot 2's heading puts both shots in one scene.
  await editor.getByLabel("Scene heading before this shot").fill("");
  await editor.getByTestId("save-shot").click();
  await expect(editor.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("scene-heading")).toHaveText(["Scene: EXT. HARBOUR — DAWN"]);
  await expect(page.getByTestId("scene").first().getByTestId("shot-card")).toHaveCount(2);

  // A comment pinned on the export's timeline at its middle, listed, and jumped back to.
  const exported = await exportFilm(page);
  await exported.getByTestId("comment-timeline").click({ position: { x: 0.5 * ((await exported.getByTestId("comment-timeline").boundingBox())?.width ?? 0), y: 10 } });
  const box = exported.getByRole("textbox", { name: /^Comment at \d\d:\d\d\.\d$/ });
  await expect(box).toBeFocused();
  const at = seconds((await exported.locator("form label").textContent()) ?? "");
  expect(at).toBeGreaterThan(3);
  expect(at).toBeLessThan(7);
  await box.fill("The cut to the boat comes too early");
  await exported.getByTestId("comment-submit").click();
  await expect(exported.getByTestId("comment-notice")).toContainText("posted.");
  await expect(exported.getByTestId("comment")).toHaveCount(1);
  await expect(exported.getByTestId("comment-mark")).toHaveCount(1);
  const video = exported.getByTestId("export-video");
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 0));
  await exported.getByTestId("comment").click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime * 10) / 10), { timeout: 20_000 }).toBeCloseTo(at, 0);
  await expectNoSeriousA11yViolations(page);

  // The character is in use: its delete is refused, naming the film and the shot.
  await page.goto("/films/library");
  await page.getByRole("button", { name: `Delete “${mei}”` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("library-notice")).toContainText(`“${title}” 1`);
  await expect(page.getByTestId("reference-name").filter({ hasText: mei })).toHaveCount(1);
});

test("in Chinese at 375 px in dark mode: a product, a scene heading, a comment pinned on the export from the keyboard", async ({ browser }) => {
  test.setTimeout(STORED_TIMEOUT * 2);
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 375, height: 812 }, colorScheme: "dark" });
  const page = await ctx.newPage();
  try {
    const email = uniqueEmail("library-zh");
    await signUpViaApi(page, email);
    await signInViaUi(page, email);
    await page.waitForURL((u) => u.pathname === "/");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("link", { name: "影片" })).toBeVisible();
    await page.goto("/films/library");
    await expect(page.getByRole("heading", { name: "角色与产品", level: 1 })).toBeVisible();
    await expect(page.getByText("还没有角色或产品。")).toBeVisible();
    // A field error next to its field, in Chinese.
    await page.getByTestId("add-reference-submit").click();
    await expect(page.getByText("此项为必填。")).toBeVisible();
    await expect(page.getByText("请选择一张图片。")).toBeVisible();
    await addReference(page, { kind: "产品", name: "名称", image: "图片（PNG、JPEG 或 WebP）" }, "青花茶壶");
    await expect(page.getByTestId("add-reference-notice")).toHaveText("已添加“青花茶壶”。");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page);

    await page.goto("/films");
    await page.getByLabel("标题").fill("茶馆");
    await page.getByTestId("create-film").click();
    await page.waitForURL(/\/films\/[a-z0-9]+$/);
    await page.getByRole("button", { name: "添加镜头" }).click();
    await expect(page.getByTestId("film-notice")).toHaveText("已添加镜头 1。");
    const editor = page.getByTestId("shot-editor");
    await editor.getByLabel("此镜头前的场景标题").fill("内景 茶馆 — 清晨");
    await editor.getByRole("textbox", { name: "提示词" }).fill(uniquePrompt("茶馆里倒茶"));
    await editor.getByTestId("save-shot").click();
    await expect(editor.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
    await expect(page.getByTestId("scene-heading")).toHaveText("场景： 内景 茶馆 — 清晨");
    await page.getByTestId("make-takes").click();
    await expect(page.getByTestId("take").first()).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });

    const exported = await exportFilm(page);
    const video = exported.getByTestId("export-video");
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      v.currentTime = 1.5;
    });
    const timeline = exported.getByTestId("comment-timeline");
    await expect(timeline).toHaveAccessibleName("评论时间轴：点击某一点在该时间评论（回车：在 00:01.5 评论）");
    await timeline.focus();
    await page.keyboard.press("Enter");
    await exported.getByRole("textbox", { name: "在 00:01.5 的评论" }).fill("这里茶水的颜色太暗");
    await exported.getByTestId("comment-submit").click();
    await expect(exported.getByTestId("comment-notice")).toHaveText("已发表 00:01.5 的评论。");
    await expect(exported.getByRole("list", { name: "此导出版本的评论" })).toContainText("00:01.5");
    await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 0));
    await exported.getByTestId("comment").click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime * 10) / 10), { timeout: 20_000 }).toBe(1.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page);
  } finally {
    await ctx.close();
  }
});
