import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signInViaUi, signUpViaApi, uniqueEmail } from "./helpers";
import { generate, IMAGES, openStudio, uniquePrompt } from "./studio-helpers";

// Issue 15, "Autosave the studio draft per workspace; a prompt history": a person types a prompt,
// chooses a mode, parameters and an image; a reload and a second browser of the same account bring
// it all back; the older tab is told when the newer device saved; "Recent prompts" fills the prompt
// from the keyboard; Clear draft empties it. Each person is a fresh account (drafts are per account,
// so the shared signed-in user's form stays untouched), in English and in Chinese.

const LANGS = [
  {
    locale: "en-US",
    name: "en",
    prompt: "Prompt",
    imageTab: "Image → video",
    textTab: "Text → video",
    saved: /Draft saved/,
    restored: "Your draft was restored.",
    history: "Recent prompts",
    search: "Search recent prompts",
    conflict: /changed in another tab or on another device/,
    keepMine: "Keep mine",
    clear: "Clear draft",
    cleared: "Draft cleared.",
    large: "Large",
    music: "Background music",
  },
  {
    locale: "zh-CN",
    name: "zh-CN",
    prompt: "提示词",
    imageTab: "图生视频",
    textTab: "文生视频",
    saved: /草稿已于/,
    restored: "已恢复你的草稿。",
    history: "最近的提示词",
    search: "搜索最近的提示词",
    conflict: /另一个标签页或设备上被修改/,
    keepMine: "保留我的",
    clear: "清除草稿",
    cleared: "草稿已清除。",
    large: "大",
    music: "背景音乐",
  },
] as const;

async function device(browser: Browser, email: string, locale: string, signUp: boolean): Promise<Page> {
  const page = await (await browser.newContext({ locale })).newPage();
  if (signUp) await signUpViaApi(page, email);
  await signInViaUi(page, email);
  await page.waitForURL((u) => u.pathname === "/");
  return page;
}

const draftSaved = (page: Page) => expect(page.getByTestId("draft-status")).toHaveAttribute("data-state", "saved");

for (const L of LANGS) {
  test(`${L.name}: the draft survives a reload and reaches a second browser; recent prompts; conflict; clear; axe; 375 px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const email = uniqueEmail(`draft-${L.name}`);
    const page = await device(browser, email, L.locale, true);
    await openStudio(page);

    // One clip, so the history has a prompt.
    const earlier = uniquePrompt(L.name === "en" ? "Lanterns over a river" : "河上的灯笼");
    await page.getByRole("textbox", { name: L.prompt }).fill(earlier);
    await generate(page);

    // The form: image → video, an image, a prompt, large movement, music on.
    await page.getByRole("tab", { name: L.imageTab }).click();
    await page.locator('input[name="image"]').setInputFiles(path.join(IMAGES, "landscape.png"));
    const imagePrompt = page.locator("#image-prompt");
    const motion = L.name === "en" ? "The lanterns drift slowly downstream" : "灯笼缓缓顺流而下";
    await imagePrompt.fill(motion);
    // The radio is visually hidden inside its label (components/ui/segmented.tsx): the label takes the click.
    await page.getByRole("radio", { name: L.large }).locator("..").click();
    await page.getByRole("switch", { name: L.music }).click();
    await expect(page.locator('[data-slot="image"] img')).toBeVisible();
    await expect.poll(() => page.getByTestId("draft-status").getAttribute("data-state"), { timeout: 20_000 }).toBe("saved");
    await expect(page.getByTestId("draft-status")).toContainText(L.saved);

    const expectRestored = async (p: Page) => {
      await expect(p.getByTestId("draft-status")).toContainText(L.restored);
      await expect(p.getByRole("tab", { name: L.imageTab })).toHaveAttribute("aria-selected", "true");
      await expect(p.locator("#image-prompt")).toHaveValue(motion);
      await expect(p.getByRole("radio", { name: L.large })).toBeChecked();
      await expect(p.getByRole("switch", { name: L.music })).toHaveAttribute("aria-checked", "true");
      await expect(p.locator('[data-slot="image"] img')).toBeVisible();
    };
    await page.reload();
    await expectRestored(page);

    // The same account in another browser.
    const other = await device(browser, email, L.locale, false);
    await expectRestored(other);

    // Recent prompts, by keyboard: open, search, arrow, Enter fills the prompt and returns focus to it.
    await other.getByRole("tab", { name: L.textTab }).click();
    const opener = other.getByRole("button", { name: L.history });
    await opener.focus();
    await other.keyboard.press("Enter");
    const search = other.getByRole("combobox", { name: L.search });
    await expect(search).toBeFocused();
    await expect(other.getByTestId("prompt-history").getByRole("option")).toHaveCount(1);
    await expectNoSeriousA11yViolations(other);
    await search.fill(earlier.slice(0, 6));
    await other.keyboard.press("ArrowDown");
    await expect(other.getByRole("option", { name: earlier })).toHaveAttribute("aria-selected", "true");
    await other.keyboard.press("Enter");
    const textPrompt = other.getByRole("textbox", { name: L.prompt });
    await expect(textPrompt).toHaveValue(earlier);
    await expect(textPrompt).toBeFocused();
    await expect(other.getByTestId("prompt-history")).toHaveCount(0);
    await draftSaved(other);

    // The first browser still holds the older version: its next change is refused and it says so.
    await page.locator("#image-prompt").fill(`${motion}!`);
    await expect(page.getByTestId("draft-conflict")).toContainText(L.conflict);
    await page.getByRole("button", { name: L.keepMine }).click();
    await draftSaved(page);
    await other.reload();
    await expect(other.locator("#image-prompt")).toHaveValue(`${motion}!`);

    // 375 px in dark mode: the status line, the history panel and the form fit without sideways
    // scrolling, and stay readable (axe checks contrast).
    await other.setViewportSize({ width: 375, height: 800 });
    await other.emulateMedia({ colorScheme: "dark" });
    await other.getByRole("tab", { name: L.textTab }).click();
    await other.getByRole("button", { name: L.history }).click();
    await expect(other.getByTestId("prompt-history")).toBeVisible();
    expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const panel = await other.getByTestId("prompt-history").boundingBox();
    expect(panel && panel.x >= 0 && panel.x + panel.width <= 375).toBe(true);
    await expectNoSeriousA11yViolations(other);
    await other.screenshot({ path: `test-results/screenshots/studio-draft-history-375-dark-${L.name}.png` });
    await other.keyboard.press("Escape");
    await expect(other.getByRole("button", { name: L.history })).toBeFocused();

    // Clear draft: an empty form, after a reload too.
    await other.getByRole("button", { name: L.clear }).click();
    await expect(other.getByText(L.cleared)).toBeVisible();
    await expect(other.getByRole("tab", { name: L.textTab })).toHaveAttribute("aria-selected", "true");
    await expect(other.getByRole("textbox", { name: L.prompt })).toHaveValue("");
    await other.reload();
    await expect(other.getByTestId("draft-status")).toHaveAttribute("data-state", "idle");
    await expect(other.getByRole("textbox", { name: L.prompt })).toHaveValue("");
    await expect(other.getByRole("button", { name: L.clear })).toHaveCount(0);
  });
}
