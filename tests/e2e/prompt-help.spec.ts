import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, STORAGE_STATE } from "./helpers";
import { openStudio } from "./studio-helpers";

// Prompt help in the studio: a suggestion from the text model (the built-in simulator) that the user
// accepts or discards, by mouse and keyboard, in English and Chinese, with its cost; a refusal shows
// its coded message next to the field. axe clean with the suggestion open, light and dark, 375 px.
test.describe("prompt help", () => {
  test.use({ storageState: STORAGE_STATE });

  test("expand → accept; translate → discard by keyboard (English)", async ({ page }) => {
    await openStudio(page);
    const prompt = page.getByRole("textbox", { name: "Prompt" });
    await prompt.fill("a lighthouse at night");
    const help = page.getByRole("group", { name: "Prompt help" });
    await help.getByRole("button", { name: "Expand" }).click();
    const suggestion = page.getByRole("region", { name: "Suggestion" });
    await expect(suggestion).toBeVisible({ timeout: 30_000 });
    await expect(suggestion).toBeFocused();
    await expect(suggestion).toContainText("a lighthouse at night, cinematic shot");
    await expect(suggestion).toContainText(/Cost ¥0\.\d\d \(held ¥0\.\d\d\)/);
    await expectNoSeriousA11yViolations(page);
    await suggestion.getByRole("button", { name: "Use suggestion" }).click();
    await expect(prompt).toHaveValue(/^a lighthouse at night, cinematic shot/);
    await expect(prompt).toBeFocused();
    await expect(suggestion).toHaveCount(0);

    // Keyboard only: Translate, then Tab to "Discard" and press Enter; the prompt stays as it was.
    const before = await prompt.inputValue();
    await help.getByRole("button", { name: "Translate zh↔en" }).focus();
    await page.keyboard.press("Enter");
    await expect(suggestion).toBeFocused({ timeout: 30_000 });
    await expect(suggestion).toContainText("灯塔");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(suggestion.getByRole("button", { name: "Discard" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(suggestion).toHaveCount(0);
    await expect(prompt).toHaveValue(before);
    await expect(prompt).toBeFocused();
  });

  test("中文: rewrite → accept, and a refused text shows its reason next to the field; dark, 375 px", async ({ page }) => {
    await openStudio(page);
    await page.getByRole("button", { name: "中文" }).click();
    try {
      await page.emulateMedia({ colorScheme: "dark" });
      await page.setViewportSize({ width: 375, height: 800 });
      const prompt = page.getByRole("textbox", { name: "提示词" });
      await prompt.fill("一只猫在海边");
      const help = page.getByRole("group", { name: "提示词助手" });
      await help.getByRole("button", { name: "改写为 Vidu 提示词（≤512）" }).click();
      const suggestion = page.getByRole("region", { name: "建议" });
      await expect(suggestion).toBeVisible({ timeout: 30_000 });
      await expect(suggestion).toContainText("一只猫在海边。镜头平稳，画面清晰。");
      await expect(suggestion).toContainText(/花费 ¥0\.\d\d（预留 ¥0\.\d\d）/);
      await expectNoSeriousA11yViolations(page);
      await suggestion.getByRole("button", { name: "采用建议" }).click();
      await expect(prompt).toHaveValue("一只猫在海边。镜头平稳，画面清晰。");

      await prompt.fill("UNSAFE 的想法");
      await help.getByRole("button", { name: "扩写" }).click();
      await expect(page.getByTestId("prompt-help").getByRole("alert")).toHaveText(/文本服务认为这段文字可能包含不安全或敏感内容/, { timeout: 30_000 });
      await expect(suggestion).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
    } finally {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
    }
  });
});
