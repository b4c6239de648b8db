import path from "node:path";
import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./helpers";
import { clipCard, clipsWithPrompt, expectPlaysAndSeeks, generate, IMAGES, openStudio, STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// The studio end to end against the production build, the real API and worker, and the simulator.
test.describe("studio: each mode to a stored, playable clip", () => {
  test.use({ storageState: STORAGE_STATE });
  test.setTimeout(240_000);

  test("text → video: generate, watch it progress live, play and seek", async ({ page }) => {
    await openStudio(page);
    const prompt = uniquePrompt("A lighthouse at dawn, waves, slow pan");
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    await page.getByText("Anime", { exact: true }).click();
    await page.getByRole("radio", { name: /9:16/ }).check({ force: true });
    await page.getByRole("radio", { name: "Large" }).check({ force: true });
    const id = await generate(page);
    const card = clipCard(page, id);
    await expect(card).toBeVisible();
    await expect(card.getByRole("heading", { name: prompt })).toBeVisible();
    await expect(card).toContainText("9:16");
    await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /\d+/);
    await expectPlaysAndSeeks(page, id);
    await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(card).toContainText(/Took \d+:\d\d/);
  });

  test("image → video: pick an image, upload progress, music on, stored and playable", async ({ page }) => {
    await openStudio(page);
    await page.getByRole("tab", { name: "Image → video" }).click();
    const uploaded = page.waitForResponse((r) => r.url().endsWith("/api/uploads") && r.request().method() === "POST");
    await page.locator('input[name="image"]').setInputFiles(path.join(IMAGES, "landscape.png"));
    expect((await uploaded).status()).toBe(201);
    await expect(page.getByText("Uploaded")).toBeVisible();
    await expect(page.getByRole("img", { name: /Preview of landscape.png/ })).toBeVisible();
    const prompt = uniquePrompt("The colours swirl");
    await page.getByRole("textbox", { name: /Prompt/ }).fill(prompt);
    await page.getByRole("switch", { name: "Background music" }).click();
    await expect(page.getByRole("switch", { name: "Background music" })).toHaveAttribute("aria-checked", "true");
    const id = await generate(page);
    await expect(clipCard(page, id)).toContainText("music");
    await expectPlaysAndSeeks(page, id);
  });

  test("start–end frames: drop and paste the frames, swap them, stored and playable", async ({ page }) => {
    await openStudio(page);
    await page.getByRole("tab", { name: "Start–end frames" }).click();
    await page.locator('input[name="start"]').setInputFiles(path.join(IMAGES, "landscape-end.jpg"));
    // Paste (Ctrl/Cmd+V) fills the first empty slot: the end frame.
    const png = (await import("node:fs")).readFileSync(path.join(IMAGES, "landscape.png")).toString("base64");
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
      document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, png);
    await expect(page.getByRole("img", { name: /Preview of pasted.png/ })).toBeVisible();
    // Swap so the PNG becomes the start frame.
    await page.getByRole("button", { name: "Swap start and end frames" }).click();
    await expect(page.locator('[data-slot="start"]').getByRole("img")).toHaveAccessibleName(/pasted.png/);
    await expect(page.locator('[data-slot="end"]').getByRole("img")).toHaveAccessibleName(/landscape-end.jpg/);
    await expect(page.locator('[data-slot="start"]').getByText("Uploaded")).toBeVisible();
    await expect(page.locator('[data-slot="end"]').getByText("Uploaded")).toBeVisible();
    const id = await generate(page);
    await expectPlaysAndSeeks(page, id);
  });

  test("double-click Generate makes exactly one clip", async ({ page }) => {
    await openStudio(page);
    const prompt = uniquePrompt("Double click guard");
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/generations")) posts.push(r.headers()["idempotency-key"] ?? "");
    });
    const id = await generate(page, () => page.getByTestId("generate").dblclick());
    await expect(clipCard(page, id)).toBeVisible();
    expect(new Set(posts).size).toBe(1);
    expect(await clipsWithPrompt(page, prompt)).toBe(1);
    await expect(page.locator('[data-testid="clip"]').filter({ hasText: prompt })).toHaveCount(1);
  });

  test("a rejected prompt shows its reason and the refund, and retrying opens it for editing", async ({ page }) => {
    await openStudio(page);
    const prompt = uniquePrompt("UNSAFE content please");
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    const id = await generate(page);
    const card = clipCard(page, id);
    await expect(card).toHaveAttribute("data-status", "REJECTED", { timeout: STORED_TIMEOUT });
    await expect(card.getByText("Rejected", { exact: true })).toBeVisible();
    await expect(card.getByTestId("clip-reason")).toContainText("unsafe_content");
    await expect(card.getByTestId("clip-reason")).not.toBeEmpty();
    await expect(card.getByTestId("clip-refunded")).toHaveText("¥2.50 refunded.");
    // Sending the refused prompt again would be refused again: no resend button, an edit link instead.
    await expect(card.getByRole("button", { name: "Try again" })).toHaveCount(0);
    await card.getByRole("link", { name: "Edit and try again" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]remix=${id}`));
    await expect(page.getByRole("textbox", { name: "Prompt" })).toHaveValue(prompt);
  });

  test("continue from the last frame: the stored clip's last frame is the next clip's first frame", async ({ page }) => {
    await openStudio(page);
    await page.getByRole("textbox", { name: "Prompt" }).fill(uniquePrompt("A paper boat drifts away"));
    const first = await generate(page);
    await expectPlaysAndSeeks(page, first);
    await clipCard(page, first).getByTestId("continue").click();
    await expect(page).toHaveURL(new RegExp(`[?&]continue=${first}`));
    await expect(page.getByTestId("continue-notice")).toContainText("last frame is the first frame", { timeout: 60_000 });
    await expect(page.getByRole("tab", { name: "Image → video" })).toHaveAttribute("aria-selected", "true");
    const frame = page.locator('[data-slot="image"]').getByRole("img");
    await expect(frame).toBeVisible();
    await expect.poll(() => frame.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const lastFrame = (await (await page.request.get(`/api/generations/${first}/last-frame`)).json()) as { lastFrame: { frame: { uploadId: string } } };
    await page.getByRole("textbox", { name: /Prompt/ }).fill(uniquePrompt("It sails into the harbour"));
    const next = await generate(page);
    await expectPlaysAndSeeks(page, next);
    const view = (await (await page.request.get(`/api/generations/${next}`)).json()) as { mode: string; inputs: { uploadId: string }[] };
    expect(view.mode).toBe("image");
    expect(view.inputs.map((i) => i.uploadId)).toEqual([lastFrame.lastFrame.frame.uploadId]);
  });

  test("Ctrl+Enter submits from the prompt", async ({ page }) => {
    await openStudio(page);
    const prompt = uniquePrompt("Keyboard submit");
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    const id = await generate(page, () => page.getByRole("textbox", { name: "Prompt" }).press("Control+Enter"));
    await expect(clipCard(page, id)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Clip queued" })).toHaveCount(1);
  });
});
