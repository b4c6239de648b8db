import path from "node:path";
import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./helpers";
import { E2E_IMAGES, IMAGES, openStudio } from "./studio-helpers";

// The studio form on its own: browser-side checks (nothing is sent), keyboard, language.
test.describe("studio form", () => {
  test.use({ storageState: STORAGE_STATE });

  test("tabs: arrow keys move between modes, each shows only its parameters", async ({ page }) => {
    await openStudio(page);
    const text = page.getByRole("tab", { name: "Text → video" });
    await expect(text).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("group", { name: "Aspect ratio" })).toBeVisible();
    await expect(page.getByRole("switch", { name: "Background music" })).toHaveCount(0);
    await text.focus();
    await page.keyboard.press("ArrowRight");
    const image = page.getByRole("tab", { name: "Image → video" });
    await expect(image).toBeFocused();
    await expect(image).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", "mode-tab-image");
    await expect(page.getByRole("group", { name: "Aspect ratio" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Style" })).toHaveCount(0);
    await expect(page.getByRole("switch", { name: "Background music" })).toHaveAttribute("aria-checked", "false");
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", { name: "Start–end frames" })).toBeFocused();
    await expect(page.getByRole("group", { name: "Start frame" })).toBeVisible();
    await expect(page.getByRole("group", { name: "End frame" })).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(text).toBeFocused();
    // Defaults and the fixed facts.
    await expect(page.getByRole("radio", { name: "General" })).toBeChecked();
    await expect(page.getByRole("radio", { name: /16:9/ })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Auto" })).toBeChecked();
    await expect(page.getByText("24 fps", { exact: true })).toBeVisible();
    await expect(page.getByTestId("clip-price")).toHaveText("¥2.50");
  });

  test("prompt: counter in code points, warns near 512, error past it, nothing sent", async ({ page }) => {
    await openStudio(page);
    let posts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/api/generations")) posts++;
    });
    const prompt = page.getByRole("textbox", { name: "Prompt" });
    await prompt.fill("视频".repeat(10));
    await expect(page.locator("#text-prompt-counter")).toHaveText("20/512");
    await prompt.fill("a".repeat(470));
    await expect(page.locator("#text-prompt-counter")).toHaveAttribute("data-state", "near");
    await prompt.fill("😀".repeat(513));
    await expect(page.locator("#text-prompt-counter")).toHaveText("513/512");
    await expect(page.locator("#text-prompt-counter")).toHaveAttribute("data-state", "over");
    const error = page.locator("#text-prompt-error");
    await expect(error).toHaveText("The prompt is too long: 513/512 characters. Shorten it to generate.");
    await expect(prompt).toHaveAttribute("aria-invalid", "true");
    await page.getByTestId("generate").click();
    await expect(prompt).toBeFocused();
    await expect(page.getByTestId("live-assertive")).toHaveText(/too long: 513\/512/);
    await prompt.fill("");
    await page.getByTestId("generate").click();
    await expect(error).toHaveText("Describe the clip: a prompt is required for text → video.");
    expect(posts).toBe(0);
  });

  test("images: wrong type by content, extreme aspect, start/end mismatch, required — before any upload", async ({ page }) => {
    await openStudio(page);
    let uploads = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/uploads")) uploads++;
    });
    await page.getByRole("tab", { name: "Image → video" }).click();
    await page.getByTestId("generate").click();
    await expect(page.getByTestId("image-error")).toHaveText("Choose an image for the first frame.");
    await page.locator('input[name="image"]').setInputFiles(path.join(E2E_IMAGES, "fake.png"));
    await expect(page.getByTestId("image-error")).toContainText("not a PNG, JPEG or WebP image");
    await page.locator('input[name="image"]').setInputFiles(path.join(E2E_IMAGES, "wide.png"));
    await expect(page.getByTestId("image-error")).toHaveText(/800×100: its aspect ratio must lie between 1:4 and 4:1/);
    await page.getByRole("button", { name: "Remove First frame" }).click();
    await expect(page.getByTestId("image-error")).toHaveCount(0);
    expect(uploads).toBe(0);

    await page.getByRole("tab", { name: "Start–end frames" }).click();
    await page.getByTestId("generate").click();
    await expect(page.getByTestId("start-error")).toHaveText("Choose a start frame.");
    await expect(page.getByTestId("end-error")).toHaveText("Choose an end frame.");
    await page.locator('input[name="start"]').setInputFiles(path.join(IMAGES, "landscape.png"));
    await page.locator('input[name="end"]').setInputFiles(path.join(E2E_IMAGES, "big-end.png"));
    await expect(page.getByTestId("end-error")).toContainText("similar resolutions");
    await expect(page.getByTestId("end-error")).toContainText("0.25");
  });

  test("drag and drop an image onto a slot", async ({ page }) => {
    await openStudio(page);
    await page.getByRole("tab", { name: "Image → video" }).click();
    const png = (await import("node:fs")).readFileSync(path.join(IMAGES, "square.webp")).toString("base64");
    const dt = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const d = new DataTransfer();
      d.items.add(new File([bytes], "dropped.webp", { type: "image/webp" }));
      return d;
    }, png);
    const zone = page.locator('[data-slot="image"] [data-drag-over], [data-slot="image"] div.border-dashed').first();
    await zone.dispatchEvent("dragenter", { dataTransfer: dt });
    await zone.dispatchEvent("drop", { dataTransfer: dt });
    await expect(page.getByRole("img", { name: "Preview of dropped.webp" })).toBeVisible();
    await expect(page.locator('[data-slot="image"]').getByText("200×200")).toBeVisible();
  });

  test("language switch shows the studio in zh-CN", async ({ page }) => {
    await openStudio(page);
    await page.getByRole("button", { name: "中文" }).click();
    try {
      await expect(page.getByRole("heading", { level: 1, name: "工作室" })).toBeVisible();
      await expect(page.getByRole("tab", { name: "文生视频" })).toBeVisible();
      await expect(page.getByRole("tab", { name: "图生视频" })).toBeVisible();
      await expect(page.getByRole("tab", { name: "首尾帧" })).toBeVisible();
      await expect(page.getByTestId("generate")).toHaveText("生成 · ¥2.50");
      await expect(page.getByRole("group", { name: "画面比例" })).toBeVisible();
      await page.getByTestId("generate").click();
      await expect(page.locator("#text-prompt-error")).toHaveText("请描述视频内容：文生视频必须填写提示词。");
      await expect(page.getByRole("heading", { name: "最近的视频" })).toBeVisible();
    } finally {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
    }
  });
});
