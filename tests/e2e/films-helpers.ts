import { expect, type Locator, type Page } from "@playwright/test";

// Steps of the storyboard e2e specs (films.spec.ts, films-library.spec.ts), in English.

export function card(page: Page, position: number): Locator {
  return page.locator(`[data-testid="shot-card"][data-position="${position}"]`);
}

export async function createFilm(page: Page, title: string, aspect: "16:9" | "9:16") {
  await page.goto("/films");
  await expect(page.getByRole("heading", { name: "Films", level: 1 })).toBeVisible();
  await expect(page.getByText("Loading films…")).toHaveCount(0);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("radio", { name: aspect }).check({ force: true });
  await page.getByTestId("create-film").click();
  await page.waitForURL(/\/films\/[a-z0-9]+$/);
  await expect(page.getByTestId("film-title")).toHaveText(title);
  await expect(page.getByText(aspect, { exact: false }).first()).toBeVisible();
}

export async function addShots(page: Page, n: number) {
  for (let i = 1; i <= n; i++) {
    await page.getByTestId("add-shot").click();
    await expect(page.getByTestId("shot-card")).toHaveCount(i);
    await expect(page.getByTestId("film-notice")).toHaveText(`Shot ${i} added.`);
  }
}

export async function select(page: Page, position: number) {
  await card(page, position).getByTestId("shot-select").click();
  await expect(page.getByRole("heading", { name: `Shot ${position + 1}`, level: 2 })).toBeVisible();
}

/** Types the prompt of the selected shot, optionally chains it, saves and waits for "saved". */
export async function editShot(page: Page, prompt: string, opts: { chain?: boolean } = {}) {
  const editor = page.getByTestId("shot-editor");
  await editor.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await expect(editor.getByTestId("save-state")).toHaveAttribute("data-state", "dirty");
  if (opts.chain) await editor.getByTestId("chain-previous").click();
  await editor.getByTestId("save-shot").click();
  await expect(editor.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
}

/** Makes one take of the selected shot (after the price is shown) and returns its row. */
export async function makeOneTake(page: Page, expectedTakes: number): Promise<Locator> {
  const panel = page.getByTestId("takes-panel");
  await expect(panel.getByTestId("takes-estimate")).toContainText("× 1 =");
  await expect(panel.getByTestId("make-takes")).toContainText(/Make 1 take · ¥\d/);
  await panel.getByTestId("make-takes").click();
  await expect(panel.getByTestId("takes-notice")).toHaveText("1 take started.");
  await expect(panel.getByTestId("take")).toHaveCount(expectedTakes);
  return panel.getByTestId("take").nth(expectedTakes - 1);
}
